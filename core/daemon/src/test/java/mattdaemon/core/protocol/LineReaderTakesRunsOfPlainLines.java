package mattdaemon.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A run takes the plain messages at the head of the buffer and stops, without losing or
 * changing a byte, at the first line that needs the full path; reading through runs and
 * {@code next()} in turn yields exactly the lines {@code next()} alone would.
 */
final class LineReaderTakesRunsOfPlainLines {
    private static final CommandWords NO_COMMANDS = new CommandWords(List.of());

    private static LineReader reader(String text, int maxLineBytes) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxLineBytes);
    }

    private static String line(LineReader reader) throws IOException {
        return new String(((LineReader.Input.Line) reader.next()).bytes(), StandardCharsets.UTF_8);
    }

    private static List<String> run(LineReader reader, CommandWords commands) {
        LineRun run = reader.takeRun(new LineRun(), commands);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            lines.add(run.text(i));
        }
        return lines;
    }

    @Test
    void plainLinesAreTakenUpToOneThatNeedsEscaping() throws IOException {
        LineReader reader = reader("first\nplain one\nplain two\r\nback\\slash\nafter\n", 1024);
        assertThat(line(reader)).isEqualTo("first"); // reads the whole input into the buffer
        assertThat(run(reader, NO_COMMANDS)).containsExactly("plain one", "plain two");
        assertThat(run(reader, NO_COMMANDS)).isEmpty();
        assertThat(line(reader)).isEqualTo("back\\slash");
        assertThat(run(reader, NO_COMMANDS)).containsExactly("after");
        assertThat(reader.next()).isInstanceOf(LineReader.Input.End.class);
    }

    @Test
    void eachByteOutsidePrintableAsciiStopsTheRunAndReachesTheFullPath() throws IOException {
        for (String odd : List.of("caf\u00e9", "tab\there", "del\u007f", "lone\rcr", "nul\u0000", "esc\u001b[2J")) {
            LineReader reader = reader("first\nbefore\n" + odd + "\nafter\n", 1024);
            line(reader);
            assertThat(run(reader, NO_COMMANDS)).as(odd).containsExactly("before");
            assertThat(line(reader)).as(odd).isEqualTo(odd);
            assertThat(run(reader, NO_COMMANDS)).as(odd).containsExactly("after");
        }
    }

    @Test
    void aLineNamingACommandStopsTheRunAsCommandLineReadsTheWord() throws IOException {
        CommandWords commands = new CommandWords(List.of("help", "quit"));
        LineReader reader = reader("x\nmsg\n  help me\nhelpme\nxhelp\nquit\n", 1024);
        line(reader);
        assertThat(run(reader, commands)).containsExactly("msg");
        assertThat(line(reader)).isEqualTo("  help me");
        assertThat(run(reader, commands)).containsExactly("helpme", "xhelp");
        assertThat(line(reader)).isEqualTo("quit");
    }

    @Test
    void anIncompleteLineStaysForTheNextRead() throws IOException {
        LineReader reader = reader("x\ndone\npart", 1024);
        line(reader);
        assertThat(run(reader, NO_COMMANDS)).containsExactly("done");
        assertThat(reader.hasLine()).isFalse();
        assertThat(reader.hasBuffered()).isTrue();
        assertThat(line(reader)).isEqualTo("part");
    }

    @Test
    void aLineOverTheLimitIsLeftToBeDiscardedAndReported() throws IOException {
        LineReader reader = reader("x\nshort\n0123456789\nnext\n", 8);
        line(reader);
        assertThat(run(reader, NO_COMMANDS)).containsExactly("short");
        assertThat(reader.next()).isEqualTo(new LineReader.Input.TooLong(10));
        assertThat(run(reader, NO_COMMANDS)).containsExactly("next");
    }

    @Test
    void readingOnGivesRunsAndLeavesOverLongLinesToNext() throws IOException {
        LineReader reader = new LineReader(ChunkedInput.of("first\nsecond\n0123456789abc\nthird\n".getBytes(StandardCharsets.UTF_8), 3), 8);
        assertThat(run(reader, NO_COMMANDS)).isEmpty();
        List<String> lines = new ArrayList<>();
        while (reader.readMore() || reader.hasLine()) {
            lines.addAll(run(reader, NO_COMMANDS));
            if (!reader.hasLine()) {
                continue;
            }
            break;
        }
        assertThat(lines).containsExactly("first", "second");
        assertThat(reader.next()).isEqualTo(new LineReader.Input.TooLong(13));
        while (reader.readMore()) {
            lines.addAll(run(reader, NO_COMMANDS));
        }
        lines.addAll(run(reader, NO_COMMANDS));
        assertThat(lines).containsExactly("first", "second", "third");
        assertThat(reader.readMore()).isFalse();
        assertThat(reader.next()).isInstanceOf(LineReader.Input.End.class);
    }

    @Test
    void aRunIsBounded() throws IOException {
        LineReader reader = reader("x\n" + "a\n".repeat(3000), 1024);
        line(reader);
        assertThat(run(reader, NO_COMMANDS)).hasSize(LineRun.MAX_LINES);
    }

    @Test
    void runsAndSingleLinesTogetherYieldWhatSingleLinesAloneDo() throws IOException {
        Random random = new Random(42);
        String alphabet = "ab \\\t\r\u00e9\u007f\u0001xyzhq";
        CommandWords commands = new CommandWords(List.of("help", "q"));
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(50); i > 0; i--) {
                for (int j = random.nextInt(14); j > 0; j--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                text.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
                if (random.nextInt(5) == 0) {
                    text.append(random.nextBoolean() ? "help " : "q");
                }
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            List<Object> alone = LineReaderSplitsLines.readAll(new LineReader(ChunkedInput.of(bytes, 7), 10));
            LineReader both = new LineReader(ChunkedInput.randomChunks(bytes, new Random(round)), 10);
            List<Object> together = new ArrayList<>();
            boolean readOn = round % 2 == 0; // as a session does: read on for more runs, or take the next line
            while (true) {
                together.addAll(run(both, commands));
                if (readOn && both.readMore()) {
                    continue;
                }
                LineReader.Input input = both.next();
                if (input instanceof LineReader.Input.End) {
                    break;
                }
                together.add(input instanceof LineReader.Input.Line l ? new String(l.bytes(), StandardCharsets.UTF_8) : input);
            }
            assertThat(together).as(text.toString()).isEqualTo(alone);
        }
    }
}

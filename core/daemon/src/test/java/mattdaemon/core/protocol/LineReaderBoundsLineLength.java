package mattdaemon.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Lines over the limit are skipped and reported with their length; the next line is read normally. */
final class LineReaderBoundsLineLength {
    private static final int LIMIT = 100;

    /** What the reader yields, long lines shortened so a failure stays readable. */
    private static List<String> readAll(LineReader reader) throws IOException {
        return LineReaderSplitsLines.readAll(reader).stream().map(LineReaderBoundsLineLength::describe).toList();
    }

    private static String describe(Object input) {
        if (input instanceof String line && line.length() > 20) {
            return line.length() + " x '" + line.charAt(0) + "', " + (line.chars().distinct().count() == 1
                    ? "all the same" : "hash " + line.hashCode());
        }
        return input.toString();
    }

    private static String tooLong(long length) {
        return describe(new LineReader.Input.TooLong(length));
    }

    private static LineReader reader(String text, int chunk) {
        return new LineReader(ChunkedInput.of(text.getBytes(StandardCharsets.US_ASCII), chunk), LIMIT);
    }

    @Test
    void lineExactlyAtTheLimitIsAccepted() throws IOException {
        String line = "a".repeat(LIMIT);
        assertThat(readAll(reader(line + "\n", 1 << 20))).containsExactly(describe(line));
        assertThat(readAll(reader(line + "\r\n", 1 << 20))).containsExactly(describe(line));
        assertThat(readAll(reader(line, 1 << 20))).containsExactly(describe(line));
        assertThat(readAll(reader(line + "\r\n", 1))).containsExactly(describe(line));
    }

    @Test
    void oneByteOverTheLimitIsRefusedWithItsLength() throws IOException {
        String line = "a".repeat(LIMIT + 1);
        assertThat(readAll(reader(line + "\nnext\n", 1 << 20)))
                .containsExactly(tooLong(LIMIT + 1), "next");
        assertThat(readAll(reader(line + "\r\nnext\r\n", 1)))
                .containsExactly(tooLong(LIMIT + 1), "next");
        assertThat(readAll(reader(line, 1 << 20))).containsExactly(tooLong(LIMIT + 1));
    }

    @Test
    void limitAboveTheDefaultBufferSizeWorksToo() throws IOException {
        int limit = 20_000;
        String atLimit = "b".repeat(limit);
        String over = "c".repeat(limit + 1);
        byte[] bytes = (atLimit + "\r\n" + over + "\r\n" + "end\r\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(readAll(new LineReader(new ByteArrayInputStream(bytes), limit)))
                .containsExactly(describe(atLimit), tooLong(limit + 1), "end");
        assertThat(readAll(new LineReader(ChunkedInput.of(bytes, 1000), limit)))
                .containsExactly(describe(atLimit), tooLong(limit + 1), "end");
    }

    @Test
    void carriageReturnIsNotCountedWhateverTheSegmentation() throws IOException {
        String line = "d".repeat(5_000);
        for (int chunk : new int[] {1, 7, 100, 4_999, 5_000, 5_001, 1 << 20}) {
            assertThat(readAll(reader(line + "\r\nok\n", chunk))).as("chunks of %d bytes", chunk)
                    .containsExactly(tooLong(5_000), "ok");
        }
    }

    @Test
    void tenMebibyteLineIsSkippedWithoutBeingBuffered() throws IOException {
        long length = 10L << 20;
        byte[] tail = "\r\nnext line\n".getBytes(StandardCharsets.US_ASCII);
        ChunkedInput in = ChunkedInput.generated(p -> p < length ? 'z' : p - length < tail.length
                ? tail[(int) (p - length)] : -1);
        LineReader reader = new LineReader(in, LIMIT);

        assertThat(readAll(reader)).containsExactly(tooLong(length), "next line");
        // one fixed buffer the size of a few lines, however long the line was
        assertThat(in.buffersUsed()).isEqualTo(1);
        assertThat(in.largestBuffer()).isLessThanOrEqualTo(64 * 1024);
    }
}

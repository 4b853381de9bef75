package mattdaemon.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Lines end at LF or CRLF; the line end is not part of the line. */
final class LineReaderSplitsLines {

    /** Everything the reader yields until End, lines as text, other inputs as they are. */
    static List<Object> readAll(LineReader reader) throws IOException {
        List<Object> out = new ArrayList<>();
        while (true) {
            LineReader.Input input = reader.next();
            switch (input) {
                case LineReader.Input.Line line -> out.add(new String(line.bytes(), StandardCharsets.UTF_8));
                case LineReader.Input.TooLong tooLong -> out.add(tooLong);
                case LineReader.Input.End end -> {
                    return out;
                }
            }
        }
    }

    private static List<Object> read(String text) throws IOException {
        return readAll(new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1024));
    }

    @Test
    void lineFeedEndsALine() throws IOException {
        assertThat(read("hello\nworld\n")).containsExactly("hello", "world");
    }

    @Test
    void carriageReturnLineFeedEndsALine() throws IOException {
        assertThat(read("hello\r\nworld\r\n")).containsExactly("hello", "world");
        assertThat(read("mixed\r\nends\nhere\r\n")).containsExactly("mixed", "ends", "here");
    }

    @Test
    void emptyLinesAreLines() throws IOException {
        assertThat(read("\n\r\n\na\n\n")).containsExactly("", "", "", "a", "");
    }

    @Test
    void lastLineWithoutLineEndIsReturnedAtEndOfInput() throws IOException {
        assertThat(read("first\nlast")).containsExactly("first", "last");
        assertThat(read("only")).containsExactly("only");
    }

    @Test
    void emptyInputIsJustTheEnd() throws IOException {
        assertThat(read("")).isEmpty();
    }

    @Test
    void endStaysTheAnswerOnceReached() throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream("a".getBytes(StandardCharsets.US_ASCII)), 64);
        assertThat(reader.next()).isInstanceOf(LineReader.Input.Line.class);
        assertThat(reader.next()).isInstanceOf(LineReader.Input.End.class);
        assertThat(reader.next()).isInstanceOf(LineReader.Input.End.class);
    }

    @Test
    void loneCarriageReturnStaysInTheLine() throws IOException {
        assertThat(read("a\rb\nc\r\r\n")).containsExactly("a\rb", "c\r");
        // at the very end without LF, a CR is part of the line too
        assertThat(read("tail\r")).containsExactly("tail\r");
    }

    @Test
    void bytesAreKeptAsSent() throws IOException {
        byte[] bytes = {(byte) 0xff, 0, (byte) 0xc3, (byte) 0xa9, '\n'};
        LineReader reader = new LineReader(new ByteArrayInputStream(bytes), 64);
        assertThat(reader.next()).isInstanceOfSatisfying(LineReader.Input.Line.class,
                line -> assertThat(line.bytes()).containsExactly((byte) 0xff, 0, (byte) 0xc3, (byte) 0xa9));
    }

    @Test
    void severalLinesFromOneReadAreServedFromTheBuffer() throws IOException {
        ChunkedInput in = ChunkedInput.of("one\ntwo\nthree\n".getBytes(StandardCharsets.US_ASCII), 1 << 20);
        LineReader reader = new LineReader(in, 64);
        assertThat(reader.hasBuffered()).isFalse();
        assertThat(readLine(reader)).isEqualTo("one");
        assertThat(reader.hasBuffered()).isTrue();
        assertThat(readLine(reader)).isEqualTo("two");
        assertThat(readLine(reader)).isEqualTo("three");
        assertThat(reader.hasBuffered()).isFalse();
        assertThat(reader.next()).isInstanceOf(LineReader.Input.End.class);
    }

    private static String readLine(LineReader reader) throws IOException {
        LineReader.Input input = reader.next();
        assertThat(input).isInstanceOf(LineReader.Input.Line.class);
        return new String(((LineReader.Input.Line) input).bytes(), StandardCharsets.US_ASCII);
    }
}

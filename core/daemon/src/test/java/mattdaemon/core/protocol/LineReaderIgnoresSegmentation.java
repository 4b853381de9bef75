package mattdaemon.core.protocol;

import static mattdaemon.core.protocol.LineReaderSplitsLines.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The same bytes give the same lines however the reads cut them. */
final class LineReaderIgnoresSegmentation {
    private static final String TEXT = "hello\r\n\nmiddle line\ncafé 中 \uD83D\uDE00\r\n\r\nlast\r\nno end";
    private static final List<Object> LINES = List.of("hello", "", "middle line", "café 中 \uD83D\uDE00", "", "last",
            "no end");

    @Test
    void oneByteAtATime() throws IOException {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        assertThat(readAll(new LineReader(ChunkedInput.of(bytes, 1), 64))).isEqualTo(LINES);
    }

    @Test
    void randomChunkSizes() throws IOException {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            assertThat(readAll(new LineReader(ChunkedInput.randomChunks(bytes, random), 64))).isEqualTo(LINES);
        }
    }

    @Test
    void randomLinesInRandomChunksAroundTheLimit() throws IOException {
        Random random = new Random(7);
        int limit = 64;
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            List<Object> expected = new ArrayList<>();
            for (int k = 0; k < 20; k++) {
                int length = random.nextInt(limit + 80);
                String line = "x".repeat(length);
                text.append(line).append(random.nextBoolean() ? "\r\n" : "\n");
                expected.add(length <= limit ? line : new LineReader.Input.TooLong(length));
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
            assertThat(readAll(new LineReader(ChunkedInput.randomChunks(bytes, random), limit)))
                    .as("round %d", round).isEqualTo(expected);
        }
    }
}

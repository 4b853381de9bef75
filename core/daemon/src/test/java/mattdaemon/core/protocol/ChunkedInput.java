package mattdaemon.core.protocol;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * A stream of bytes generated on demand and handed out in chunks of chosen sizes, like TCP
 * segments. It remembers the largest buffer it was asked to fill, so a test can tell how much
 * a reader keeps in memory.
 */
final class ChunkedInput extends InputStream {
    /** The byte at each position of the stream, or -1 past its end. */
    interface Content {
        int at(long position);
    }

    private final Content content;
    private final IntUnaryOperator chunkSize;
    private final Set<Integer> buffers = new HashSet<>();
    private long position;
    private int largestBuffer;

    private ChunkedInput(Content content, IntUnaryOperator chunkSize) {
        this.content = content;
        this.chunkSize = chunkSize;
    }

    /** {@code bytes} handed out {@code size} bytes per read at most. */
    static ChunkedInput of(byte[] bytes, int size) {
        return new ChunkedInput(p -> p < bytes.length ? bytes[(int) p] & 0xff : -1, max -> Math.min(max, size));
    }

    /** {@code bytes} handed out in random chunks of 1 to 64 bytes. */
    static ChunkedInput randomChunks(byte[] bytes, Random random) {
        return new ChunkedInput(p -> p < bytes.length ? bytes[(int) p] & 0xff : -1,
                max -> Math.min(max, 1 + random.nextInt(64)));
    }

    /** Generated content, handed out as much as the reader asks for. */
    static ChunkedInput generated(Content content) {
        return new ChunkedInput(content, max -> max);
    }

    @Override
    public int read() {
        int b = content.at(position);
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        buffers.add(System.identityHashCode(b));
        largestBuffer = Math.max(largestBuffer, b.length);
        if (len == 0) {
            return 0;
        }
        int n = 0;
        int want = chunkSize.applyAsInt(len);
        while (n < want) {
            int next = content.at(position);
            if (next < 0) {
                break;
            }
            b[off + n++] = (byte) next;
            position++;
        }
        return n == 0 ? -1 : n;
    }

    /** The length of the largest array the reader passed to {@link #read(byte[], int, int)}. */
    int largestBuffer() {
        return largestBuffer;
    }

    /** How many distinct arrays the reader read into. */
    int buffersUsed() {
        return buffers.size();
    }
}

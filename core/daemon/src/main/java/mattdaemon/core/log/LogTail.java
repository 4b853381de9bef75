package mattdaemon.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reads the last lines of the log backwards from its end, a chunk at a time, keeping only the
 * lines it returns: memory is bounded by the byte cap, whatever the size of the file or of its
 * lines. The file is opened without following a link and only when it is the one being written;
 * when it shrinks under the reader (clearlogs, copytruncate) the answer stops at what was read.
 */
public final class LogTail {
    private static final int CHUNK = 64 * 1024;
    private static final int ATTEMPTS = 5;

    /**
     * The lines read, oldest first.
     *
     * @param lines  the lines
     * @param capped whether older lines were left out because the byte cap was reached
     */
    public record Lines(List<String> lines, boolean capped) {
    }

    private LogTail() {
    }

    /**
     * The last {@code count} lines of {@code file}, at most {@code maxBytes} of them (newest kept).
     *
     * @param current the identity of the file being written; a file at the path that is not it
     *                (rotated a moment ago) is read only after the writer has had time to reopen
     */
    static Lines read(Path file, Supplier<Object> current, int count, int maxBytes) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Object before = LogWriter.keyOf(file);
            boolean last = attempt == ATTEMPTS;
            if (before == null || (!before.equals(current.get()) && !last)) {
                if (last) {
                    return new Lines(List.of(), false);
                }
                pause();
                continue;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                if (!Objects.equals(before, LogWriter.keyOf(file)) && !last) {
                    continue; // replaced between the check and the open
                }
                return readBack(channel, count, maxBytes);
            } catch (NoSuchFileException e) {
                if (last) {
                    return new Lines(List.of(), false);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(LogWriter.CHECK.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of an open file; visible for the command's tests. */
    public static Lines readBack(FileChannel channel, int count, int maxBytes) throws IOException {
        ArrayDeque<String> lines = new ArrayDeque<>();
        long size0 = channel.size();
        long position = size0;
        long total = 0;
        byte[] carry = new byte[0]; // the start of the file's later part: a line whose beginning is still to be read
        boolean first = true;
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(1, position)));
        while (position > 0 && lines.size() < count) {
            int size = (int) Math.min(buffer.capacity(), position);
            position -= size;
            buffer.clear().limit(size);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    // the file shrank under us: what was read so far is the answer
                    return new Lines(List.copyOf(lines), false);
                }
            }
            byte[] chunk = buffer.array();
            int end = size;
            for (int i = size - 1; i >= 0 && lines.size() < count; i--) {
                if (chunk[i] != '\n') {
                    continue;
                }
                byte[] line = join(chunk, i + 1, end, carry);
                carry = new byte[0];
                end = i;
                if (first && line.length == 0) {
                    first = false; // the file's final line end
                    continue;
                }
                first = false;
                if (total + line.length > maxBytes) {
                    return new Lines(List.copyOf(lines), true);
                }
                total += line.length;
                lines.addFirst(new String(line, StandardCharsets.UTF_8));
            }
            if (lines.size() < count) {
                carry = join(chunk, 0, end, carry);
                if (carry.length > maxBytes) {
                    return new Lines(List.copyOf(lines), true);
                }
            }
        }
        if (position == 0 && size0 > 0 && lines.size() < count) {
            // what precedes the first line end is the file's first line, even when empty
            if (total + carry.length > maxBytes) {
                return new Lines(List.copyOf(lines), true);
            }
            lines.addFirst(new String(carry, StandardCharsets.UTF_8));
        }
        return new Lines(List.copyOf(lines), false);
    }

    private static byte[] join(byte[] chunk, int from, int to, byte[] after) {
        byte[] out = Arrays.copyOfRange(chunk, from, to + after.length);
        System.arraycopy(after, 0, out, to - from, after.length);
        return out;
    }
}

package mattdaemon.core.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines however the bytes were segmented. A line longer than the
 * limit is skipped up to its end and reported as {@link Input.TooLong}, so memory stays bounded
 * and the lines after it are read normally. A last line without a line end is still returned.
 */
public final class LineReader {
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer;
    private int start;
    private int end;
    /** When the first byte of the line not yet complete arrived (System.nanoTime), or 0 when none is pending. */
    private volatile long partialSinceNanos;

    /** One unit of input. */
    public sealed interface Input {
        /** A complete line, without its LF or CRLF. */
        record Line(byte[] bytes) implements Input {
        }

        /** A line over the limit, discarded; {@code length} counts all its bytes. */
        record TooLong(long length) implements Input {
        }

        /** The peer closed its side. */
        record End() implements Input {
        }
    }

    /** Reads lines of at most {@code maxLineBytes} bytes (line end excluded) from {@code in}. */
    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.buffer = new byte[Math.max(maxLineBytes + 2, 8192)];
    }

    /**
     * How long the line now being received has been incomplete, in nanoseconds, or 0 when no
     * byte of an unfinished line has arrived. Safe to call from any thread: it is what a line
     * deadline is measured by, since a read timeout restarts with every byte.
     */
    public long partialLineAgeNanos() {
        long since = partialSinceNanos;
        return since == 0 ? 0 : System.nanoTime() - since;
    }

    /** Whether a further line may already be buffered, so reading it will not block. */
    public boolean hasBuffered() {
        return start < end;
    }

    /** Whether a complete line is already read: answering it will not wait for the client. */
    public boolean hasLine() {
        return indexOfNewline(start, end) >= 0;
    }

    /**
     * Reads more input when no complete line is buffered, so that the lines of a pipelined
     * stream keep coming as runs instead of one of them per read taking {@link #next()}. Blocks
     * until bytes come. False, reading nothing, when a line is buffered or the pending line is
     * already over the limit (for {@link #next()} to skip), and at the end of input.
     */
    public boolean readMore() throws IOException {
        if (hasLine() || end - start > maxLineBytes) {
            return false;
        }
        return fill();
    }

    /**
     * Takes the complete lines at the head of the buffer that can be logged as they are (see
     * {@link LineRun}), up to the first that cannot, or that names a command in {@code commands}.
     * Reads nothing: an empty run means the next line takes {@link #next()}.
     */
    public LineRun takeRun(LineRun run, CommandWords commands) {
        run.reset(buffer);
        int pos = start;
        while (!run.isFull()) {
            int i = pos;
            // one pass finds the line end and any byte that needs decoding or escaping
            while (i < end && isPlain(buffer[i])) {
                i++;
            }
            int next;
            if (i < end && buffer[i] == '\n') {
                next = i + 1;
            } else if (i + 1 < end && buffer[i] == '\r' && buffer[i + 1] == '\n') {
                next = i + 2;
            } else {
                break; // not complete yet, or a byte for the full path
            }
            if (i - pos > maxLineBytes || commands.firstWordNamesCommand(buffer, pos, i)) {
                break;
            }
            run.add(pos, i);
            pos = next;
        }
        if (run.size() > 0) {
            start = pos;
            linePassed();
        }
        return run;
    }

    /** Printable ASCII but the backslash, which the log doubles. */
    private static boolean isPlain(byte b) {
        return b >= 0x20 && b < 0x7f && b != '\\';
    }

    /** The next line, a report of an over-long line, or the end of input. */
    public Input next() throws IOException {
        int scanned = 0;
        while (true) {
            int newline = indexOfNewline(start + scanned, end);
            if (newline >= 0) {
                return takeLine(newline);
            }
            scanned = end - start;
            if (scanned > maxLineBytes + 1) {
                return skipLongLine();
            }
            if (!fill()) {
                if (start == end) {
                    return new Input.End();
                }
                byte[] last = Arrays.copyOfRange(buffer, start, end);
                start = end;
                return last.length > maxLineBytes ? new Input.TooLong(last.length) : new Input.Line(last);
            }
        }
    }

    private Input takeLine(int newline) {
        int lineEnd = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        int length = lineEnd - start;
        Input result = length > maxLineBytes
                ? new Input.TooLong(length)
                : new Input.Line(Arrays.copyOfRange(buffer, start, lineEnd));
        start = newline + 1;
        linePassed();
        return result;
    }

    /** A line ended; bytes already read after it count as pending once more must be waited for. */
    private void linePassed() {
        partialSinceNanos = 0;
    }

    /** Drops bytes up to and including the next LF; nothing of the line is kept in memory. */
    private Input skipLongLine() throws IOException {
        long length = end - start;
        // the CR of a CRLF may come in one read and its LF in the next: remember it
        boolean endsWithCr = buffer[end - 1] == '\r';
        start = end;
        while (true) {
            if (!fill()) {
                return new Input.TooLong(length);
            }
            int newline = indexOfNewline(start, end);
            if (newline >= 0) {
                length += newline - start;
                if (newline > start ? buffer[newline - 1] == '\r' : endsWithCr) {
                    length--;
                }
                start = newline + 1;
                linePassed();
                return new Input.TooLong(length);
            }
            if (end > start) {
                length += end - start;
                endsWithCr = buffer[end - 1] == '\r';
                start = end;
            }
        }
    }

    /** Reads more bytes after compacting; false at end of input. */
    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end > start && partialSinceNanos == 0) {
            partialSinceNanos = System.nanoTime() | 1; // part of a line is here, the rest is awaited
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            partialSinceNanos = 0;
            return false;
        }
        if (n > 0 && partialSinceNanos == 0) {
            partialSinceNanos = System.nanoTime() | 1; // never 0 while a line is pending
        }
        end += n;
        return true;
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}

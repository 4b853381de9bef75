package mattdaemon.core.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Complete lines still in the reader's buffer that any codec-free session logs as they are:
 * printable ASCII without a backslash (so there is nothing to decode, check or escape), within
 * the length limit, and none whose first word names a command. A flood of messages is taken in
 * runs, each run logged in one step and answered with one reply per line, instead of a request
 * object, a String and a log call per line. One instance per session, reused: the offsets hold
 * until the reader is used again.
 */
public final class LineRun {
    /** At most this many lines per run: a bounded batch for the log, and for the replies it waits on. */
    public static final int MAX_LINES = 256;

    private byte[] bytes;
    private final int[] starts = new int[MAX_LINES];
    private final int[] ends = new int[MAX_LINES];
    private int size;

    void reset(byte[] buffer) {
        bytes = buffer;
        size = 0;
    }

    boolean isFull() {
        return size == MAX_LINES;
    }

    void add(int start, int end) {
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    /** How many lines the run holds; 0 when the next line must take the full request path. */
    public int size() {
        return size;
    }

    /** The buffer the lines are in. */
    public byte[] bytes() {
        return bytes;
    }

    /** Where line {@code i} starts in {@link #bytes()}. */
    public int start(int i) {
        return starts[i];
    }

    /** Where line {@code i} ends in {@link #bytes()}, its line end excluded. */
    public int end(int i) {
        return ends[i];
    }

    /** All the run's bytes, line ends excluded. */
    public int textBytes() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            n += ends[i] - starts[i];
        }
        return n;
    }

    /** Line {@code i} as text, for what needs a String (event listeners, forwarding). */
    public String text(int i) {
        return new String(bytes, starts[i], ends[i] - starts[i], StandardCharsets.US_ASCII);
    }
}

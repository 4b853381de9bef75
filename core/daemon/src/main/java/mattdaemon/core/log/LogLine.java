package mattdaemon.core.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Formats one event as {@code [DD/MM/YYYY-HH:MM:SS] [ LEVEL ] - Matt_daemon: message\n} into a
 * buffer the calling thread reuses: a line costs no allocation however often it is logged, and a
 * long one is copied once, into the writer's backlog. One instance per thread; a thread that
 * logged a long line keeps its grown buffers (a few hundred KiB at most) for its life.
 */
final class LogLine {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy-HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private final StringBuilder text = new StringBuilder(256);
    private byte[] bytes = new byte[512];
    private int length;
    /** Where each line of the last {@link #formatRun} ends in {@link #bytes()}. */
    private final int[] ends = new int[mattdaemon.core.protocol.LineRun.MAX_LINES];
    private long stampSecond = Long.MIN_VALUE;
    private String stamp = "";
    /** Per level, {@code [stamp] [ LEVEL ] - Matt_daemon: } as bytes, for the current second. */
    private final byte[][] heads = new byte[Level.values().length][];

    /** The level names of the Matt_daemon format. */
    enum Level {
        INFO, LOG, ERROR
    }

    /** Formats a line; {@link #bytes()} and {@link #length()} hold it until the next call. */
    LogLine format(Level level, String prefix, String message, Throwable cause) {
        byte[] head = head(level);
        if (cause == null) {
            return formatPlain(head, prefix, message);
        }
        StringBuilder t = text;
        t.setLength(0);
        t.append('[').append(stamp).append("] [ ").append(level.name()).append(" ] - Matt_daemon: ")
                .append(prefix).append(message).append('\n');
        if (cause != null) {
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            t.append(trace);
        }
        encode(t);
        return this;
    }

    /**
     * The common case, a line without a stack trace: the head is made once a second, the rest is
     * encoded by String.getBytes, which the JDK does as a block copy for ASCII text.
     */
    private LogLine formatPlain(byte[] head, String prefix, String message) {
        byte[] before = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        int n = head.length + before.length + body.length + 1;
        if (bytes.length < n) {
            bytes = new byte[Math.max(n, bytes.length * 2)];
        }
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(before, 0, bytes, head.length, before.length);
        System.arraycopy(body, 0, bytes, head.length + before.length, body.length);
        bytes[n - 1] = '\n';
        length = n;
        return this;
    }

    /**
     * Formats every line of {@code run} at {@code level}, each after {@code prefix}, one after the
     * other: the lines are copied as they are, so the run must need no escaping (it holds
     * printable ASCII without a backslash only).
     */
    LogLine formatRun(Level level, byte[] prefix, mattdaemon.core.protocol.LineRun run) {
        byte[] head = head(level);
        int lines = run.size();
        int n = lines * (head.length + prefix.length + 1) + run.textBytes();
        if (bytes.length < n) {
            bytes = new byte[Math.max(n, bytes.length * 2)];
        }
        byte[] source = run.bytes();
        int at = 0;
        for (int i = 0; i < lines; i++) {
            System.arraycopy(head, 0, bytes, at, head.length);
            at += head.length;
            System.arraycopy(prefix, 0, bytes, at, prefix.length);
            at += prefix.length;
            int start = run.start(i);
            int length = run.end(i) - start;
            System.arraycopy(source, start, bytes, at, length);
            at += length;
            bytes[at++] = '\n';
            ends[i] = at;
        }
        length = at;
        return this;
    }

    /** {@code [stamp] [ LEVEL ] - Matt_daemon: } for now, made once a second per level. */
    private byte[] head(Level level) {
        long second = Math.floorDiv(System.currentTimeMillis(), 1000);
        if (second != stampSecond) {
            stampSecond = second;
            stamp = STAMP.format(Instant.ofEpochSecond(second));
            java.util.Arrays.fill(heads, null);
        }
        byte[] head = heads[level.ordinal()];
        if (head == null) {
            head = ("[" + stamp + "] [ " + level.name() + " ] - Matt_daemon: ").getBytes(StandardCharsets.UTF_8);
            heads[level.ordinal()] = head;
        }
        return head;
    }

    /** UTF-8, without an intermediate String while the text is ASCII (escaped client text is). */
    private void encode(StringBuilder t) {
        int n = t.length();
        if (bytes.length < n) {
            bytes = new byte[Math.max(n, bytes.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = t.toString().getBytes(StandardCharsets.UTF_8);
                bytes = utf8.length <= bytes.length ? bytes : new byte[utf8.length];
                System.arraycopy(utf8, 0, bytes, 0, utf8.length);
                length = utf8.length;
                return;
            }
            bytes[i] = (byte) c;
        }
        length = n;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    int[] ends() {
        return ends;
    }
}

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
    private long stampSecond = Long.MIN_VALUE;
    private String stamp = "";

    /** The level names of the Matt_daemon format. */
    enum Level {
        INFO, LOG, ERROR
    }

    /** Formats a line; {@link #bytes()} and {@link #length()} hold it until the next call. */
    LogLine format(Level level, String prefix, String message, Throwable cause) {
        long now = System.currentTimeMillis();
        long second = Math.floorDiv(now, 1000);
        if (second != stampSecond) {
            stampSecond = second;
            stamp = STAMP.format(Instant.ofEpochSecond(second));
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
}

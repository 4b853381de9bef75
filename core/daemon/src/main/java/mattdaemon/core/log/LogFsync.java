package mattdaemon.core.log;

import java.util.Locale;

/**
 * When the log asks the kernel to put written lines on the disk ({@code fsync}), in the manner of
 * Redis' {@code appendfsync}. Every policy writes a line to the file ({@code write} returned)
 * before its client is acknowledged, so a killed daemon never loses an acknowledged line; the
 * policy only decides what a crash of the whole machine can take.
 */
public enum LogFsync {
    /** fsync after every batch, before its lines are acknowledged: a machine crash loses nothing acknowledged. */
    ALWAYS,
    /** fsync once a second: a machine crash loses at most the last second or so. */
    EVERYSEC,
    /** never fsync: the kernel writes back when it likes (typically within 30 s). */
    NO;

    /** Parses {@code always}, {@code everysec} or {@code no}. */
    public static LogFsync parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "always" -> ALWAYS;
            case "everysec" -> EVERYSEC;
            case "no" -> NO;
            default -> throw new IllegalArgumentException("log_fsync must be always, everysec or no: " + text);
        };
    }

    /** The setting's spelling. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package mattdaemon.core.log;

/**
 * How the log is written.
 *
 * @param fsync        when written lines are also forced to the disk
 * @param backlogBytes lines waiting to be written, at most; while writes fail, a line that would
 *                     go over it is refused, otherwise its writer waits for room
 * @param rotateBytes  built-in rotation: once the file reaches this size it becomes
 *                     {@code <file>.1}; 0 leaves rotation to logrotate
 * @param rotateKeep   archives kept by the built-in rotation
 * @param rotateGzip   whether archives are compressed ({@code <file>.1.gz})
 */
public record LogOptions(LogFsync fsync, long backlogBytes, long rotateBytes, int rotateKeep, boolean rotateGzip) {
    /** Lines of up to 64 KiB escaped to 4 characters a byte must fit in an empty backlog. */
    public static final long MIN_BACKLOG_BYTES = 64 * 1024;

    /** Checks ranges. */
    public LogOptions {
        if (backlogBytes < MIN_BACKLOG_BYTES) {
            throw new IllegalArgumentException("log_backlog_kib must be at least " + MIN_BACKLOG_BYTES / 1024);
        }
        if (rotateBytes < 0 || rotateKeep < 1) {
            throw new IllegalArgumentException("log_rotate_kib must be 0 or more, log_rotate_keep at least 1");
        }
    }

    /** everysec, a 4 MiB backlog, no built-in rotation (5 gzipped archives when it is turned on). */
    public static LogOptions defaults() {
        return new LogOptions(LogFsync.EVERYSEC, 4L * 1024 * 1024, 0, 5, true);
    }
}

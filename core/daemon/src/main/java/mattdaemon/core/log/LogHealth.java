package mattdaemon.core.log;

import java.time.Instant;

/**
 * Whether the log is being written.
 *
 * @param failingSince when writes started failing, or null while they succeed
 * @param reason       the last write error, or empty
 * @param held         lines accepted since then and waiting to be written
 * @param refused      lines refused since then because the backlog was full
 */
public record LogHealth(Instant failingSince, String reason, long held, long refused) {
    static final LogHealth OK = new LogHealth(null, "", 0, 0);

    /** Whether writes succeed. */
    public boolean ok() {
        return failingSince == null;
    }

    /** {@code ok}, or {@code failing since T (reason), N lines held, M refused}. */
    @Override
    public String toString() {
        return ok() ? "ok" : "failing since " + failingSince + " (" + reason + "), " + held + " lines held, "
                + refused + " refused";
    }
}

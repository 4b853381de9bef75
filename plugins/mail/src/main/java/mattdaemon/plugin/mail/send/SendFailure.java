package mattdaemon.plugin.mail.send;

import java.io.Serial;

/**
 * A mail could not be sent. The message is fit for the log and a reply: it never carries a
 * credential. {@link #permanent()} failures (login refused, address refused, certificate not
 * trusted) are not retried: the same try would fail the same way.
 */
public final class SendFailure extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    /** A failure with a log-safe {@code reason}. */
    public SendFailure(String reason, boolean permanent) {
        super(reason, null, false, false);
        this.permanent = permanent;
    }

    /** Whether trying again is pointless. */
    public boolean permanent() {
        return permanent;
    }
}

package mattdaemon.plugin.mail.report;

import java.io.Serial;

/** A {@code mail} request that cannot be served; {@link #code()} is the reply's error code. */
public final class RequestRefused extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String code;

    /** Refuses with {@code -ERR code text}. */
    public RequestRefused(String code, String text) {
        super(text, null, false, false);
        this.code = code;
    }

    /** The reply's error code, e.g. {@code USAGE} or {@code ADDRESS}. */
    public String code() {
        return code;
    }
}

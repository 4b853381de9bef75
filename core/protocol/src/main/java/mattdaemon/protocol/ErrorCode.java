package mattdaemon.protocol;

/**
 * The error codes of {@code -ERR CODE text} that the daemon itself uses. Plugins may define
 * others; a client treats an unknown code as an error.
 */
public final class ErrorCode {
    /** Every client slot is taken; sent instead of the greeting. */
    public static final String MAXCLIENTS = "MAXCLIENTS";
    /** The line was over the limit and was discarded. */
    public static final String TOOLONG = "TOOLONG";
    /** The line is not valid UTF-8. */
    public static final String ENCODING = "ENCODING";
    /** The line is not valid in the session's codec. */
    public static final String CODEC = "CODEC";
    /** Authentication needed, or a wrong password. */
    public static final String AUTH = "AUTH";
    /** The daemon requires {@code starttls} first. */
    public static final String TLSREQUIRED = "TLSREQUIRED";
    /** {@code starttls} is not possible now. */
    public static final String TLS = "TLS";
    /** Wrong arguments; the text gives the usage. */
    public static final String USAGE = "USAGE";
    /** No such command. */
    public static final String UNKNOWN = "UNKNOWN";
    /** The command failed or ran past its time limit. */
    public static final String PLUGIN = "PLUGIN";
    /** Not allowed from where the request came (e.g. the first password from another machine). */
    public static final String DENIED = "DENIED";
    /** The log cannot take the line now (the disk is full, say); it was not kept. */
    public static final String LOGFULL = "LOGFULL";
    /** The daemon is shutting down. */
    public static final String SHUTDOWN = "SHUTDOWN";

    private ErrorCode() {
    }
}

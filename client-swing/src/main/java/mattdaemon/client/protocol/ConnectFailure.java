package mattdaemon.client.protocol;

/**
 * Why a connection could not be set up, with a message meant for the person connecting.
 */
public final class ConnectFailure extends Exception {
    /** The kinds of failure a connect window tells apart. */
    public enum Reason {
        /** Nothing listens there: the daemon is not running (connection refused). */
        DOWN,
        /** The host could not be reached or named. */
        UNREACHABLE,
        /** The daemon already serves as many clients as it allows. */
        MAXCLIENTS,
        /** The password is missing or wrong. */
        AUTH,
        /** TLS could not be set up, or the certificate is not the pinned one. */
        TLS,
        /** Something answered that does not speak the Matt_daemon protocol. */
        PROTOCOL
    }

    private final Reason reason;

    /** A failure of kind {@code reason}. */
    public ConnectFailure(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Its kind. */
    public Reason reason() {
        return reason;
    }
}

package mattdaemon.client.protocol;

/**
 * Hears what a connection reports outside replies. Called on the connection's reader thread:
 * a user interface hands the work to its own thread.
 */
public interface ConnectionListener {

    /** A notice ({@code * text}) arrived; {@code text} is without {@code "* "}. */
    void notice(String text);

    /** The session's state changed (authenticated, codec, TLS, closed). */
    void stateChanged(SessionState state);

    /**
     * The connection ended.
     *
     * @param cause null when the daemon closed it in order, else what broke it
     */
    void closed(Throwable cause);
}

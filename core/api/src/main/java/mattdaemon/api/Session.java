package mattdaemon.api;

/** The client connection a request came from. */
public interface Session {

    /** A number unique for the daemon's life, used in log lines. */
    long id();

    /** The client's address and port, e.g. {@code 127.0.0.1:50312}. */
    String peer();

    /** The codec lines currently travel in ({@link LineCodec#PLAIN} unless a command switched it). */
    LineCodec codec();

    /**
     * Switches the codec for every line after the reply to the current request, both ways.
     * The reply to the switching request itself is still sent in the old codec.
     */
    void useCodec(LineCodec codec);
}

package mattdaemon.client.protocol;

import java.io.IOException;

/** A request could not get its reply because the connection ended first. */
public final class ConnectionClosedException extends IOException {
    /** With the reason the connection ended. */
    public ConnectionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}

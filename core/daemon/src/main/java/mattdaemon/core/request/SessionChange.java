package mattdaemon.core.request;

import mattdaemon.api.LineCodec;

/**
 * What a request may change about its session once its reply is out: a closed set, applied by
 * the session in one place and in the order the command asked for them.
 */
public sealed interface SessionChange {

    /** Lines after the reply travel in {@code codec}, both ways. */
    record UseCodec(LineCodec codec) implements SessionChange {
    }

    /** The connection is upgraded to TLS right after the reply. */
    record StartTls() implements SessionChange {
    }

    /** The session ends after the reply. */
    record Close(String reason) implements SessionChange {
    }

    /** The daemon shuts down after the reply. */
    record Shutdown(String reason) implements SessionChange {
    }
}

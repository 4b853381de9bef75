package mattdaemon.core.request;

import mattdaemon.api.LineCodec;
import mattdaemon.core.auth.AuthState;
import mattdaemon.core.log.SessionLog;

/** The session a request comes from, as the request path sees it: read-only facts and its log. */
public interface Caller {

    /** A number unique for the daemon's life. */
    long id();

    /** The client's address and port. */
    String peer();

    /** The client's address alone. */
    java.net.InetAddress address();

    /** The codec the session's lines travel in now. */
    LineCodec codec();

    /** Whether the connection runs over TLS. */
    boolean secure();

    /** The session's authentication state. */
    AuthState auth();

    /** The session's log, prefixed and escaping. */
    SessionLog log();
}

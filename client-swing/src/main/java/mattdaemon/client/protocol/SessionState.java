package mattdaemon.client.protocol;

/**
 * What a connection is like right now, as shown in a status bar.
 *
 * @param connected     whether the connection is open
 * @param authenticated whether an {@code auth} succeeded on it
 * @param codec         how lines are encoded inside the transport
 * @param tls           whether the transport is TLS (after {@code starttls})
 */
public record SessionState(boolean connected, boolean authenticated, WireCodec codec, boolean tls) {
    /** A fresh plain connection. */
    static SessionState opened() {
        return new SessionState(true, false, WireCodec.PLAIN, false);
    }

    SessionState closed() {
        return new SessionState(false, authenticated, codec, tls);
    }

    SessionState withAuthenticated() {
        return new SessionState(connected, true, codec, tls);
    }

    SessionState withCodec(WireCodec next) {
        return new SessionState(connected, authenticated, next, tls);
    }

    SessionState withTls() {
        return new SessionState(connected, authenticated, codec, true);
    }

    /** "plain", "Base64", "TLS" or "TLS + Base64". */
    public String encoding() {
        if (!tls) {
            return codec.label();
        }
        return codec == WireCodec.PLAIN ? "TLS" : "TLS + " + codec.label();
    }
}

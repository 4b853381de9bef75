package mattdaemon.client.servers;

import java.util.Optional;

/**
 * A server connected to before.
 *
 * @param host        host name or address
 * @param port        TCP port
 * @param tls         whether TLS was on
 * @param fingerprint the SHA-256 fingerprint its certificate had, or empty before any TLS session
 */
public record RecentServer(String host, int port, boolean tls, String fingerprint) {
    /** Normalises a missing fingerprint to empty. */
    public RecentServer {
        fingerprint = fingerprint == null ? "" : fingerprint;
    }

    /** Its pinned fingerprint, if any. */
    public Optional<String> pin() {
        return fingerprint.isEmpty() ? Optional.empty() : Optional.of(fingerprint);
    }

    /** Whether it names the same server as {@code other}. */
    public boolean sameAddress(RecentServer other) {
        return host.equalsIgnoreCase(other.host) && port == other.port;
    }

    /** {@code host:port}, as shown in a list. */
    @Override
    public String toString() {
        return host + ":" + port + (tls ? " (TLS)" : "");
    }
}

package mattdaemon.core.server;

import java.time.Duration;

/**
 * Per-session bounds.
 *
 * @param maxLineBytes longest request line accepted
 * @param idleTimeout  a session silent this long is closed, so idle clients cannot hold every slot
 * @param authGrace    a session that has not authenticated this long after connecting is closed
 * @param lineTimeout  a session whose line (or TLS handshake) is still incomplete this long after it began is closed
 */
public record SessionLimits(int maxLineBytes, Duration idleTimeout, Duration authGrace, Duration lineTimeout) {
}

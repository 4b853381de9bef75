package mattdaemon.core.server;

import java.util.concurrent.CompletableFuture;

import mattdaemon.core.auth.Protection;
import mattdaemon.core.tls.TlsIdentity;

/**
 * The daemon-wide security settings every session applies.
 *
 * @param protection  the password, when one is set
 * @param tls         the TLS identity, ready once created or loaded
 * @param tlsRequired whether a client must {@code starttls} before anything else
 */
public record Security(Protection protection, CompletableFuture<TlsIdentity> tls, boolean tlsRequired) {
}

package mattdaemon.core.request;

import java.util.concurrent.CompletableFuture;

import mattdaemon.core.auth.LoginThrottle;
import mattdaemon.core.auth.Protection;
import mattdaemon.core.tls.TlsIdentity;

/**
 * The daemon-wide security rules every session follows.
 *
 * @param protection  the password, when one is set
 * @param tls         the TLS identity, ready once created or loaded
 * @param tlsRequired whether a client must {@code starttls} before anything else
 * @param logins      failed logins per source address, across connections
 */
public record SecurityPolicy(Protection protection, CompletableFuture<TlsIdentity> tls, boolean tlsRequired,
                             LoginThrottle logins) {

    /** Whether {@code caller} must still prove it knows the password before it is served. */
    public boolean mustAuthenticate(Caller caller) {
        return protection.enabled() && !caller.auth().authenticated(protection.generation());
    }
}

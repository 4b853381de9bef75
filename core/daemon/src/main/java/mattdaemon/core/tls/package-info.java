/**
 * TLS for {@code starttls}: the daemon's own key pair and self-signed certificate (made once,
 * kept root-only in the state folder) and the server-side TLS 1.3 context built from them.
 */
package mattdaemon.core.tls;

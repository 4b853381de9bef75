package mattdaemon.core.server;

import java.util.concurrent.CompletableFuture;

import mattdaemon.api.CommandContext;
import mattdaemon.api.DaemonEvent;
import mattdaemon.core.auth.AuthState;
import mattdaemon.core.auth.Protection;
import mattdaemon.core.log.DaemonLog;
import mattdaemon.core.tls.TlsIdentity;

/**
 * What the core's own commands (auth, daemonpass, starttls) may do beyond the public API.
 * Not exported: plugins cannot cast to it.
 */
public interface CoreContext extends CommandContext {

    /** The daemon's password protection. */
    Protection protection();

    /** This session's authentication state. */
    AuthState auth();

    /** The daemon's TLS identity, once ready. */
    CompletableFuture<TlsIdentity> tls();

    /** Whether this session already runs over TLS. */
    boolean secure();

    /** Upgrades this session to TLS right after the current reply is sent. */
    void startTlsAfterReply();

    /** Closes this session right after the current reply is sent. */
    void closeAfterReply(String reason);

    /** Publishes an event to the listeners. */
    void publish(DaemonEvent event);

    /** The daemon's log (daemonlogs reads it, daemoninfo shows its health). */
    DaemonLog daemonLog();
}

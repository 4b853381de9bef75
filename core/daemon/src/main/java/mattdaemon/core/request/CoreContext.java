package mattdaemon.core.request;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import mattdaemon.api.CommandContext;
import mattdaemon.api.DaemonEvent;
import mattdaemon.core.auth.AuthState;
import mattdaemon.core.auth.LoginThrottle;
import mattdaemon.core.auth.Protection;
import mattdaemon.core.log.DaemonLog;
import mattdaemon.core.log.SessionLog;
import mattdaemon.core.tls.TlsIdentity;

/**
 * What the core's own commands may see and do beyond the public API. Like every request's
 * context it works only while its call runs: afterwards each method throws
 * {@link IllegalStateException}. Not exported: plugins never see it.
 */
public interface CoreContext extends CommandContext {

    /** The daemon's password protection. */
    Protection protection();

    /** Failed logins by source address, shared by every session. */
    LoginThrottle logins();

    /** The calling client's address. */
    InetAddress peerAddress();

    /** This session's authentication state. */
    AuthState auth();

    /** The daemon's TLS identity, once ready. */
    CompletableFuture<TlsIdentity> tls();

    /** Whether this session already runs over TLS. */
    boolean secure();

    /** Upgrades this session to TLS once the reply is sent. */
    void startTls();

    /** Closes this session once the reply is sent. */
    void close(String reason);

    /** Sends {@code * text} to every session but the caller's. */
    void noticeOtherSessions(String text);

    /** The daemon's log (daemonlogs reads it, daemoninfo shows its health). */
    DaemonLog daemonLog();

    /** The calling session's log. */
    SessionLog sessionLog();

    /** Publishes an event to the listeners. */
    void publish(DaemonEvent event);

    /** Plugin calls still running past their time limit, one line each. */
    List<String> stuckCalls();
}

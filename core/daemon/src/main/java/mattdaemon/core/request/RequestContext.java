package mattdaemon.core.request;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import mattdaemon.api.CommandInfo;
import mattdaemon.api.DaemonEvent;
import mattdaemon.api.DaemonStatus;
import mattdaemon.api.LineCodec;
import mattdaemon.api.Reply;
import mattdaemon.api.Session;
import mattdaemon.core.auth.AuthState;
import mattdaemon.core.event.EventBus;
import mattdaemon.core.log.DaemonLog;
import mattdaemon.core.auth.LoginThrottle;
import mattdaemon.core.auth.Protection;
import mattdaemon.core.log.SessionLog;
import mattdaemon.core.tls.TlsIdentity;

/**
 * The context of one command call. The session changes it asks for are collected here and
 * handed back in the call's {@link Outcome}; once the call has ended (answered, failed or given
 * up on) every method throws, so a command that outlives its time limit cannot change a session
 * that has moved on.
 */
final class RequestContext implements CoreContext {
    private final Caller caller;
    private final DaemonStatus status;
    private final RequestHandler handler;
    private final Services services;
    private final List<SessionChange> changes = new ArrayList<>();
    private final Session session = new RequestSession();
    private boolean ended;

    /** What a call may reach beyond its session. */
    record Services(SecurityPolicy policy, CommandRunner runner, EventBus events, DaemonLog log, Notices notices) {
    }

    RequestContext(Caller caller, DaemonStatus status, RequestHandler handler, Services services) {
        this.caller = caller;
        this.status = status;
        this.handler = handler;
        this.services = services;
    }

    /** Ends the call and returns the changes it asked for; from now on the context refuses use. */
    synchronized List<SessionChange> end() {
        ended = true;
        return List.copyOf(changes);
    }

    private synchronized void change(SessionChange change) {
        ensureActive();
        changes.add(change);
    }

    private synchronized void ensureActive() {
        if (ended) {
            throw new IllegalStateException("this request has ended; its context can no longer be used");
        }
    }

    @Override
    public Session session() {
        ensureActive();
        return session;
    }

    @Override
    public DaemonStatus status() {
        ensureActive();
        return status;
    }

    /** Refreshes the plugins first: "loaded now" includes a plugin dropped in a moment ago. */
    @Override
    public List<CommandInfo> commands() {
        ensureActive();
        return handler.listCommands();
    }

    /** Runs the other command in a context of its own; the changes it asks for become this call's. */
    @Override
    public Reply invoke(String commandLine) {
        ensureActive();
        Outcome outcome = handler.invoke(caller, commandLine);
        outcome.changes().forEach(this::change);
        return outcome.reply();
    }

    @Override
    public void log(String message) {
        ensureActive();
        caller.log().daemonInfo(message);
    }

    @Override
    public void requestShutdown(String reason) {
        change(new SessionChange.Shutdown(reason));
    }

    @Override
    public void clearLog() throws IOException {
        ensureActive();
        services.log().clear();
    }

    @Override
    public Protection protection() {
        ensureActive();
        return services.policy().protection();
    }

    @Override
    public LoginThrottle logins() {
        ensureActive();
        return services.policy().logins();
    }

    @Override
    public InetAddress peerAddress() {
        ensureActive();
        return caller.address();
    }

    @Override
    public AuthState auth() {
        ensureActive();
        return caller.auth();
    }

    @Override
    public CompletableFuture<TlsIdentity> tls() {
        ensureActive();
        return services.policy().tls();
    }

    @Override
    public boolean secure() {
        ensureActive();
        return caller.secure();
    }

    @Override
    public void startTls() {
        change(new SessionChange.StartTls());
    }

    @Override
    public void close(String reason) {
        change(new SessionChange.Close(reason));
    }

    @Override
    public void noticeOtherSessions(String text) {
        ensureActive();
        services.notices().toAllBut(caller.id(), text);
    }

    @Override
    public DaemonLog daemonLog() {
        ensureActive();
        return services.log();
    }

    @Override
    public SessionLog sessionLog() {
        ensureActive();
        return caller.log();
    }

    @Override
    public void publish(DaemonEvent event) {
        ensureActive();
        services.events().publish(event);
    }

    @Override
    public List<String> stuckCalls() {
        ensureActive();
        return services.runner().stuckCalls();
    }

    /** The calling session as the API shows it; its codec switch is one of this call's changes. */
    private final class RequestSession implements Session {
        @Override
        public long id() {
            return caller.id();
        }

        @Override
        public String peer() {
            return caller.peer();
        }

        @Override
        public LineCodec codec() {
            ensureActive();
            return caller.codec();
        }

        @Override
        public void useCodec(LineCodec codec) {
            change(new SessionChange.UseCodec(codec));
        }
    }
}

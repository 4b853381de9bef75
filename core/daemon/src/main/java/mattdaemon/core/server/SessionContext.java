package mattdaemon.core.server;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import mattdaemon.api.DaemonEvent;
import mattdaemon.api.CommandInfo;
import mattdaemon.api.DaemonStatus;
import mattdaemon.api.Reply;
import mattdaemon.api.Session;
import mattdaemon.core.auth.AuthState;
import mattdaemon.core.auth.Protection;
import mattdaemon.core.log.DaemonLog;
import mattdaemon.core.log.LogText;
import mattdaemon.core.tls.TlsIdentity;

/** The {@link CommandContext} of one request. */
final class SessionContext implements CoreContext {
    private final ClientSession session;
    private final DaemonStatus status;
    private final RequestHandler handler;

    SessionContext(ClientSession session, DaemonStatus status, RequestHandler handler) {
        this.session = session;
        this.status = status;
        this.handler = handler;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public DaemonStatus status() {
        return status;
    }

    /** Refreshes the plugins first: "loaded now" includes a plugin dropped in a moment ago. */
    @Override
    public List<CommandInfo> commands() {
        return handler.listCommands();
    }

    @Override
    public Reply invoke(String commandLine) {
        return handler.invoke(session, commandLine);
    }

    @Override
    public void log(String message) {
        handler.log().info(LogText.escape(message));
    }

    @Override
    public void requestShutdown(String reason) {
        session.shutdownAfterReply(reason);
    }

    @Override
    public void clearLog() throws IOException {
        handler.log().clear();
    }

    @Override
    public Protection protection() {
        return session.security().protection();
    }

    @Override
    public AuthState auth() {
        return session.auth();
    }

    @Override
    public CompletableFuture<TlsIdentity> tls() {
        return session.security().tls();
    }

    @Override
    public boolean secure() {
        return session.secure();
    }

    @Override
    public void startTlsAfterReply() {
        session.startTlsAfterReply();
    }

    @Override
    public void closeAfterReply(String reason) {
        session.closeAfterReply(reason);
    }

    @Override
    public void publish(DaemonEvent event) {
        handler.events().publish(event);
    }

    @Override
    public DaemonLog daemonLog() {
        return handler.log();
    }
}

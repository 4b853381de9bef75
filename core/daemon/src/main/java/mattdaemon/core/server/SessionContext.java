package mattdaemon.core.server;

import java.io.IOException;
import java.util.List;

import mattdaemon.api.CommandContext;
import mattdaemon.api.CommandInfo;
import mattdaemon.api.DaemonStatus;
import mattdaemon.api.Reply;
import mattdaemon.api.Session;
import mattdaemon.core.log.LogText;

/** The {@link CommandContext} of one request. */
final class SessionContext implements CommandContext {
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
}

package mattdaemon.core.server;

import java.io.IOException;
import java.util.List;

import mattdaemon.api.CommandContext;
import mattdaemon.api.CommandInfo;
import mattdaemon.api.DaemonStatus;
import mattdaemon.api.Session;
import mattdaemon.core.log.DaemonLog;
import mattdaemon.core.log.LogText;
import mattdaemon.core.plugin.CommandRegistry;

/** The {@link CommandContext} of one request. */
final class SessionContext implements CommandContext {
    private final ClientSession session;
    private final DaemonStatus status;
    private final CommandRegistry commands;
    private final DaemonLog log;

    SessionContext(ClientSession session, DaemonStatus status, CommandRegistry commands, DaemonLog log) {
        this.session = session;
        this.status = status;
        this.commands = commands;
        this.log = log;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public DaemonStatus status() {
        return status;
    }

    @Override
    public List<CommandInfo> commands() {
        return commands.list();
    }

    @Override
    public void log(String message) {
        log.info(LogText.escape(message));
    }

    @Override
    public void requestShutdown(String reason) {
        session.shutdownAfterReply(reason);
    }

    @Override
    public void clearLog() throws IOException {
        log.clear();
    }
}

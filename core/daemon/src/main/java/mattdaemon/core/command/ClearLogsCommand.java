package mattdaemon.core.command;

import java.io.IOException;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.Reply;

/** {@code clearlogs}: empties the log file, then records who did it as its first line. */
public final class ClearLogsCommand implements Command {
    @Override
    public String name() {
        return "clearlogs";
    }

    @Override
    public String summary() {
        return "empty the daemon log";
    }

    @Override
    public Reply execute(CommandContext context, String arguments) throws IOException {
        context.clearLog();
        context.log("Log cleared by " + context.session().peer() + " (session " + context.session().id() + ").");
        return Reply.ok("log cleared");
    }
}

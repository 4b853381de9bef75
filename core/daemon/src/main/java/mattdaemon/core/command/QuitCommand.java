package mattdaemon.core.command;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.Reply;
import mattdaemon.protocol.Notice;

/** {@code quit}: stops the daemon in order (clients told and closed, lock removed, log flushed). */
public final class QuitCommand implements Command {
    @Override
    public String name() {
        return "quit";
    }

    @Override
    public String summary() {
        return "shut the daemon down";
    }

    @Override
    public Reply execute(CommandContext context, String arguments) {
        context.requestShutdown("quit from " + context.session().peer());
        return Reply.ok(Notice.SHUTTING_DOWN);
    }
}

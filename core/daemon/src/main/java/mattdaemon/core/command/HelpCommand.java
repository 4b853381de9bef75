package mattdaemon.core.command;

import java.util.List;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.CommandInfo;
import mattdaemon.api.Reply;
import mattdaemon.protocol.ErrorCode;
import mattdaemon.protocol.HelpLine;

/** {@code help [command]}: the commands loaded right now, or one command's usage. */
public final class HelpCommand implements Command {
    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "list the commands loaded now, or show one command's usage";
    }

    @Override
    public String usage() {
        return "help [command]";
    }

    @Override
    public Reply execute(CommandContext context, String arguments) {
        List<CommandInfo> commands = context.commands();
        if (!arguments.isEmpty()) {
            return commands.stream().filter(c -> c.name().equals(arguments)).findFirst()
                    .map(c -> Reply.ok("usage", List.of("usage: " + c.usage(), c.summary(), "module: " + c.module())))
                    .orElse(Reply.error(ErrorCode.UNKNOWN, "no command named " + arguments));
        }
        List<String> lines = HelpLine.format(commands.stream()
                .map(c -> new HelpLine(c.name(), c.summary(), c.module())).toList());
        return Reply.ok(commands.size() + " commands; any other line is logged as a message", lines);
    }
}

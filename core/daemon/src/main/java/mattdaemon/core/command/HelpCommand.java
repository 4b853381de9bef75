package mattdaemon.core.command;

import java.util.List;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.CommandInfo;
import mattdaemon.api.Reply;
import mattdaemon.protocol.ErrorCode;
import mattdaemon.protocol.HelpLine;
import mattdaemon.core.plugin.RefusedPlugins;

/**
 * {@code help [command]}: the commands loaded right now, or one command's usage. When plugins
 * were refused, the status line ends by naming them ({@code daemoninfo} says why): it is the
 * last line of the reply, and clients that read the body as the command list are not misled.
 */
public final class HelpCommand implements Command {
    private final RefusedPlugins refused;

    /** A help command that also names the plugins in {@code refused}. */
    public HelpCommand(RefusedPlugins refused) {
        this.refused = refused;
    }

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
        List<RefusedPlugins.Refusal> refusals = refused.list();
        String status = commands.size() + " commands; any other line is logged as a message";
        if (!refusals.isEmpty()) {
            status += "; refused plugins: " + String.join(", ", refusals.stream().map(RefusedPlugins.Refusal::plugin).toList())
                    + " (daemoninfo says why)";
        }
        return Reply.ok(status, lines);
    }
}

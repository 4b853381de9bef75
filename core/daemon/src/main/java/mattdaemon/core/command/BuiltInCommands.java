package mattdaemon.core.command;

import java.util.List;

import mattdaemon.api.Command;
import mattdaemon.core.plugin.RefusedPlugins;

/** The core's own commands, made here and handed to the command registry by the daemon. */
public final class BuiltInCommands {
    private BuiltInCommands() {
    }

    /**
     * Every built-in command.
     *
     * @param refused the plugins refused now, which {@code help} and {@code daemoninfo} show
     */
    public static List<Command> all(RefusedPlugins refused) {
        return List.of(new HelpCommand(refused), new QuitCommand(), new DaemonInfoCommand(refused),
                new DaemonLogsCommand(), new ClearLogsCommand(), new AuthCommand(), new DaemonPassCommand(),
                new StartTlsCommand());
    }
}

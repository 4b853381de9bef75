package mattdaemon.plugin.servinfo;

import java.util.ArrayList;
import java.util.List;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.PluginAware;
import mattdaemon.api.PluginEnvironment;
import mattdaemon.api.Reply;
import mattdaemon.plugin.sysinfo.LazySystemInfo;
import mattdaemon.plugin.sysinfo.SysinfoFailures;
import oshi.software.os.OperatingSystem;

/**
 * {@code servinfo [filter]}: a {@code [services]} table (name, state, pid) and a
 * {@code [listening]} table (protocol, address, pid, process). A filter keeps the rows with a
 * cell containing it, ignoring case. A failure of the system libraries is
 * {@code -ERR SYSINFO <reason>}.
 */
public final class ServinfoCommand implements Command, PluginAware {
    private final LazySystemInfo systemInfo = new LazySystemInfo();
    private final ListeningSockets sockets = new ListeningSockets();
    private final SysinfoFailures failures = new SysinfoFailures();
    private Services services;

    /** A command that reads nothing until its first request. */
    public ServinfoCommand() {
    }

    @Override
    public void attach(PluginEnvironment environment) {
        failures.attach(environment);
    }

    @Override
    public String name() {
        return "servinfo";
    }

    @Override
    public String summary() {
        return "services and listening TCP/UDP sockets with their processes";
    }

    @Override
    public String usage() {
        return "servinfo [filter]";
    }

    @Override
    public Reply execute(CommandContext context, String arguments) {
        return failures.answer((name() + " " + arguments).strip(), () -> {
            OperatingSystem os = systemInfo.os();
            Services source = services();
            Table shownServices = serviceTable(source, os).matching(arguments);
            Table shownSockets = socketTable(os).matching(arguments);
            List<String> body = new ArrayList<>();
            body.add("[services] " + source.source());
            body.addAll(shownServices.lines());
            body.add("[listening]");
            body.addAll(shownSockets.lines());
            return Reply.ok(count(shownServices.size(), "service") + ", " + count(shownSockets.size(), "listening socket")
                    + (arguments.isBlank() ? "" : " matching \"" + arguments + "\""), body);
        });
    }

    private static Table serviceTable(Services source, OperatingSystem os) {
        Table table = new Table("NAME", "STATE", "PID");
        source.list(os).forEach(s -> table.add(s.name(), s.state(), s.pid()));
        return table;
    }

    private Table socketTable(OperatingSystem os) {
        Table table = new Table("PROTO", "ADDRESS", "PID", "PROCESS");
        sockets.list(os).forEach(s -> table.add(s.protocol(), s.address(), s.pid() > 0 ? s.pid() : "-", s.process()));
        return table;
    }

    /** PID 1 does not change while the daemon runs: looked at once. */
    private synchronized Services services() {
        if (services == null) {
            services = new Services(InitSystem.detect());
        }
        return services;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

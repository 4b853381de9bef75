package mattdaemon.plugin.machinfo;

import java.util.List;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.PluginAware;
import mattdaemon.api.PluginEnvironment;
import mattdaemon.api.Reply;
import mattdaemon.plugin.sysinfo.SysinfoFailures;

/**
 * {@code machinfo [section...]}: the machine the daemon runs on, one {@code key: value} line per
 * fact, grouped under {@code [section]} lines. With no argument every section is shown; an
 * unknown section is {@code -ERR USAGE}, and a failure of the system libraries is
 * {@code -ERR SYSINFO <reason>}.
 */
public final class MachinfoCommand implements Command, PluginAware {
    private final Machine machine = new Machine();
    private final SysinfoFailures failures = new SysinfoFailures();

    /** A command whose view of the machine is made on its first request. */
    public MachinfoCommand() {
    }

    @Override
    public void attach(PluginEnvironment environment) {
        failures.attach(environment);
    }

    @Override
    public String name() {
        return "machinfo";
    }

    @Override
    public String summary() {
        return "the machine: OS, CPU, memory, disks, network, JVM";
    }

    @Override
    public String usage() {
        return "machinfo [" + String.join("|", Section.labels().split(", ")) + "]...";
    }

    @Override
    public Reply execute(CommandContext context, String arguments) {
        List<Section> sections;
        try {
            sections = Section.parse(arguments);
        } catch (IllegalArgumentException e) {
            return Reply.error("USAGE", e.getMessage());
        }
        return failures.answer((name() + " " + arguments).strip(), () -> {
            Report report = new Report();
            for (Section section : sections) {
                section.writeTo(report, machine);
            }
            return Reply.ok(report.sections() + (report.sections() == 1 ? " section" : " sections"), report.lines());
        });
    }
}

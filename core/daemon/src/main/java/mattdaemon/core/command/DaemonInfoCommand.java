package mattdaemon.core.command;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.DaemonStatus;
import mattdaemon.api.Reply;
import mattdaemon.core.plugin.RefusedPlugins;

/**
 * {@code daemoninfo}: the daemon's own state as {@code key: value} lines, then one
 * {@code refused plugin <name>: <reason>} line per plugin refused now.
 */
public final class DaemonInfoCommand implements Command {
    private final RefusedPlugins refused;

    /** A daemoninfo command that also lists the plugins in {@code refused}. */
    public DaemonInfoCommand(RefusedPlugins refused) {
        this.refused = refused;
    }

    @Override
    public String name() {
        return "daemoninfo";
    }

    @Override
    public String summary() {
        return "pid, version, uptime, port, clients, codec, protection, TLS, plugins and log of the daemon";
    }

    @Override
    public Reply execute(CommandContext context, String arguments) {
        DaemonStatus s = context.status();
        Duration uptime = Duration.between(s.startedAt(), Instant.now());
        List<String> lines = new ArrayList<>(List.of(
                "version: " + s.version(),
                "pid: " + s.pid(),
                "started: " + s.startedAt(),
                "uptime: " + formatUptime(uptime),
                "port: " + s.port(),
                "clients: " + s.clients() + "/" + s.maxClients(),
                "session codec: " + context.session().codec().name(),
                "password protection: " + (s.passwordRequired() ? "on" : "off"),
                "tls certificate sha-256: " + (s.tlsFingerprint().isEmpty() ? "not ready" : s.tlsFingerprint()),
                "plugin commands: " + s.pluginCommands(),
                "log file: " + s.logFile()));
        for (RefusedPlugins.Refusal refusal : refused.list()) {
            lines.add("refused plugin " + refusal.plugin() + ": " + refusal.reason());
        }
        return Reply.ok("daemoninfo", lines);
    }

    static String formatUptime(Duration d) {
        return String.format("%dd %02dh %02dm %02ds", d.toDays(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
    }
}

package mattdaemon.core.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.DaemonStatus;
import mattdaemon.api.Reply;
import mattdaemon.core.server.CoreContext;

/** {@code daemoninfo}: the daemon's own state as {@code key: value} lines. */
public final class DaemonInfoCommand implements Command {
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
        return Reply.ok("daemoninfo", List.of(
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
                "log file: " + s.logFile(),
                "log health: " + (context instanceof CoreContext core ? core.daemonLog().health() : "unknown")));
    }

    static String formatUptime(Duration d) {
        return String.format("%dd %02dh %02dm %02ds", d.toDays(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
    }
}

package mattdaemon.core.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import mattdaemon.api.DaemonStatus;
import mattdaemon.api.Reply;
import mattdaemon.core.request.CoreCommand;
import mattdaemon.core.request.CoreContext;

/** {@code daemoninfo}: the daemon's own state as {@code key: value} lines. */
public final class DaemonInfoCommand implements CoreCommand {
    @Override
    public String name() {
        return "daemoninfo";
    }

    @Override
    public String summary() {
        return "pid, version, uptime, port, clients, codec, protection, TLS, plugins and log of the daemon";
    }

    @Override
    public Reply execute(CoreContext context, String arguments) {
        DaemonStatus s = context.status();
        Duration uptime = Duration.between(s.startedAt(), Instant.now());
        List<String> lines = new java.util.ArrayList<>(List.of(
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
        context.stuckCalls().forEach(call -> lines.add("stuck plugin call: " + call));
        return Reply.ok("daemoninfo", lines);
    }

    static String formatUptime(Duration d) {
        return String.format("%dd %02dh %02dm %02ds", d.toDays(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
    }
}

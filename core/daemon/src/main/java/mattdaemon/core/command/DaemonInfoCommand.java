package mattdaemon.core.command;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mattdaemon.api.DaemonStatus;
import mattdaemon.api.Reply;
import mattdaemon.core.plugin.RefusedPlugins;
import mattdaemon.core.request.CoreCommand;
import mattdaemon.core.request.CoreContext;

/**
 * {@code daemoninfo}: the daemon's own state as {@code key: value} lines, then one
 * {@code refused plugin <name>: <reason>} line per plugin refused now and one
 * {@code stuck plugin call: ...} line per plugin call running past its time limit.
 */
public final class DaemonInfoCommand implements CoreCommand {
    /** The only TLS protocol the daemon accepts. */
    static final String TLS_TRANSPORT = "TLSv1.3";
    /**
     * How long daemoninfo waits for the TLS identity: it is read from a small file off the start
     * path in milliseconds, or made once by keytool on the very first start (about a second).
     */
    private static final long TLS_WAIT_SECONDS = 10;

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
    public Reply execute(CoreContext context, String arguments) {
        DaemonStatus s = context.status();
        Duration uptime = Duration.between(s.startedAt(), Instant.now());
        List<String> lines = new ArrayList<>(List.of(
                "version: " + s.version(),
                "pid: " + s.pid(),
                "started: " + s.startedAt(),
                "uptime: " + formatUptime(uptime),
                "port: " + s.port(),
                "clients: " + s.clients() + "/" + s.maxClients()));
        lines.addAll(session(context));
        lines.addAll(List.of(
                "password protection: " + (s.passwordRequired() ? "on" : "off"),
                "tls certificate sha-256: " + (s.tlsFingerprint().isEmpty() ? awaitFingerprint(context) : s.tlsFingerprint()),
                "plugin commands: " + s.pluginCommands(),
                // the health shares the log's line: clients count on eleven lines
                "log file: " + s.logFile() + ", health: " + context.daemonLog().health()));
        for (RefusedPlugins.Refusal refusal : refused.list()) {
            lines.add("refused plugin " + refusal.plugin() + ": " + refusal.reason());
        }
        context.stuckCalls().forEach(call -> lines.add("stuck plugin call: " + call));
        return Reply.ok("daemoninfo", lines);
    }

    /**
     * How this session's lines travel: {@code session codec: plain|base64}, and over TLS a
     * {@code session transport: TLSv1.3} line after it, so a TLS session never reads as plain.
     * A plaintext session keeps its eleven lines: clients count on them.
     */
    private static List<String> session(CoreContext context) {
        String codec = "session codec: " + context.session().codec().name();
        return context.secure() ? List.of(codec, "session transport: " + TLS_TRANSPORT) : List.of(codec);
    }

    /** The fingerprint once the identity is loaded; why not, when it cannot be. */
    private static String awaitFingerprint(CoreContext context) {
        try {
            return context.tls().get(TLS_WAIT_SECONDS, TimeUnit.SECONDS).fingerprint();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unavailable";
        } catch (Exception e) {
            return "unavailable (see the log)";
        }
    }

    static String formatUptime(Duration d) {
        return String.format("%dd %02dh %02dm %02ds", d.toDays(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
    }
}

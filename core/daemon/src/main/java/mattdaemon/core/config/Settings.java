package mattdaemon.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import mattdaemon.core.log.LogOptions;

/**
 * Everything the daemon is told at start.
 *
 * @param port         TCP port to listen on
 * @param bind         the address to listen on; empty: every interface
 * @param maxClients   sessions served at once
 * @param maxLineBytes longest accepted request line, in bytes, without its line end
 * @param lockFile     the single-instance lock
 * @param logFile      the log file
 * @param pluginDir    the folder holding one sub-folder per plugin
 * @param foreground   stay in the foreground (systemd) instead of daemonising
 * @param readyTimeout how long the launcher waits for the daemon to report ready
 * @param stateDir     root-only folder for persistent state (password hash, keys, plugin state)
 * @param pluginSettings configuration keys of the form {@code <plugin>.<key>}, for plugins, and the
 *                     {@code syslog_*} keys of {@link mattdaemon.core.log.SyslogForwarding}
 * @param idleTimeout  silent sessions are closed after this long
 * @param authGrace    sessions that have not authenticated are closed after this long
 * @param tlsRequired  clients must {@code starttls} before anything else
 * @param lineTimeout  a line must be complete this long after its first byte arrived
 * @param log          how the log is written: fsync policy, backlog, built-in rotation
 */
public record Settings(int port, java.util.Optional<java.net.InetAddress> bind, int maxClients, int maxLineBytes, Path lockFile, Path logFile,
                       Path pluginDir, boolean foreground, Duration readyTimeout, Path stateDir,
                       Map<String, String> pluginSettings, Duration idleTimeout, Duration authGrace,
                       boolean tlsRequired, Duration lineTimeout, LogOptions log) {

    /** Checks ranges; paths are made absolute because the daemon runs in "/". */
    public Settings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("max clients must be at least 1: " + maxClients);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || authGrace.isNegative() || authGrace.isZero()
                || lineTimeout.isNegative() || lineTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxLineBytes < 64) {
            throw new IllegalArgumentException("max line bytes must be at least 64: " + maxLineBytes);
        }
        lockFile = lockFile.toAbsolutePath().normalize();
        logFile = logFile.toAbsolutePath().normalize();
        pluginDir = pluginDir.toAbsolutePath().normalize();
        stateDir = stateDir.toAbsolutePath().normalize();
        pluginSettings = Map.copyOf(pluginSettings);
    }

    /** The documented defaults. */
    public static Settings defaults() {
        return new Settings(4242, java.util.Optional.empty(), 3, 64 * 1024, Path.of("/var/lock/matt_daemon.lock"),
                Path.of("/var/log/matt_daemon/matt_daemon.log"), Path.of("/usr/lib/matt_daemon/plugins"),
                false, Duration.ofSeconds(30), Path.of("/var/lib/matt_daemon"), Map.of(),
                Duration.ofMinutes(5), Duration.ofSeconds(30), false, Duration.ofSeconds(10), LogOptions.defaults());
    }
}

package mattdaemon.api;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The daemon's state as shown by {@code daemoninfo}.
 *
 * @param version          daemon version
 * @param pid              process id
 * @param startedAt        when the daemon became ready
 * @param port             listening TCP port
 * @param clients          sessions connected now
 * @param maxClients       session limit
 * @param pluginCommands   commands loaded from plugins
 * @param logFile          the log file
 * @param passwordRequired whether clients must authenticate
 * @param tlsFingerprint   SHA-256 fingerprint of the daemon's TLS certificate (hex, colon
 *                         separated), or empty while there is none yet
 */
public record DaemonStatus(String version, long pid, Instant startedAt, int port, int clients,
                           int maxClients, int pluginCommands, Path logFile, boolean passwordRequired,
                           String tlsFingerprint) {
}

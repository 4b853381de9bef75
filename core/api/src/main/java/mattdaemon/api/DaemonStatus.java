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
 */
public record DaemonStatus(String version, long pid, Instant startedAt, int port, int clients,
                           int maxClients, int pluginCommands, Path logFile) {
}

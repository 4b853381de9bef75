package mattdaemon.api;

import java.util.List;

/** What a running command may see and do. */
public interface CommandContext {

    /** The session that sent the request. */
    Session session();

    /** A snapshot of the daemon's state, taken when the request arrived. */
    DaemonStatus status();

    /** The commands loaded right now, sorted by name. */
    List<CommandInfo> commands();

    /** Writes one INFO line to the daemon log; control characters are escaped. */
    void log(String message);

    /**
     * Runs another loaded command for the same session, as if the client had sent
     * {@code commandLine}, and returns its reply; a line naming no loaded command gives
     * {@code -ERR UNKNOWN}. Nothing is sent to the client.
     */
    Reply invoke(String commandLine);

    /** Starts the daemon's orderly shutdown once the current reply is sent. */
    void requestShutdown(String reason);

    /**
     * Empties the daemon's log file.
     *
     * @throws java.io.IOException when the file cannot be truncated
     */
    void clearLog() throws java.io.IOException;
}

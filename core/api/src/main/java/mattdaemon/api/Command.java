package mattdaemon.api;

import java.time.Duration;

/**
 * One command of the daemon, found as a {@link java.util.ServiceLoader} service.
 * <p>
 * A request line whose first word equals {@link #name()} runs {@link #execute}; the rest of the
 * line is passed as {@code arguments}. Implementations must be thread-safe: several sessions
 * may run the same command at once.
 */
public interface Command {

    /** The word that invokes the command: lower case letters, digits and '-' only. */
    String name();

    /** One line for {@code help}. */
    String summary();

    /** The syntax shown by {@code help <name>}; defaults to the bare name. */
    default String usage() {
        return name();
    }

    /**
     * How long one call may run before the daemon gives up on it and answers
     * {@code -ERR PLUGIN timeout}.
     */
    default Duration timeLimit() {
        return Duration.ofSeconds(10);
    }

    /**
     * How a request appears in the log, after {@code Request }: by default the command word and
     * its arguments. Commands taking secrets override this so that no secret reaches the log,
     * e.g. {@code daemonpass (protection on)}.
     */
    default String describeRequest(String arguments) {
        return arguments.isEmpty() ? name() : name() + " " + arguments;
    }

    /**
     * Whether this request gets its {@code Request ...} log line; true by default. A command
     * answers false only for a request a client repeats on a timer and that changes nothing
     * (a log viewer following the log must not fill the log it follows).
     */
    default boolean logsRequest(String arguments) {
        return true;
    }

    /**
     * Answers one request.
     *
     * @param context   the calling session and the daemon
     * @param arguments the request line after the command word, trimmed; empty when none
     * @return the reply sent to the client
     * @throws Exception any failure; the daemon answers {@code -ERR PLUGIN} and logs it
     */
    Reply execute(CommandContext context, String arguments) throws Exception;
}

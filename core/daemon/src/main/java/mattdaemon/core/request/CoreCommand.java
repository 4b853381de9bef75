package mattdaemon.core.request;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.Reply;

/**
 * A built-in command: sees the core's {@link CoreContext} and says when it may run. Plugins
 * cannot implement it usefully (this package is not exported), so every plugin command needs a
 * fully admitted session.
 */
public interface CoreCommand extends Command {

    /** When the command may run; most need an admitted session. */
    default Admission admission() {
        return Admission.ADMITTED;
    }

    /**
     * Whether this request gets its {@code Request ...} log line; true but for a request a client
     * repeats on a timer and that changes nothing (a log viewer following the log must not fill
     * the log it follows). Plugins cannot opt out: every plugin request is logged.
     */
    default boolean logsRequest(String arguments) {
        return true;
    }

    /** Answers one request, with the core's context. */
    Reply execute(CoreContext context, String arguments) throws Exception;

    /** The daemon always runs commands with a core context; anything else is a misuse. */
    @Override
    default Reply execute(CommandContext context, String arguments) throws Exception {
        if (context instanceof CoreContext core) {
            return execute(core, arguments);
        }
        throw new IllegalStateException(name() + " runs only inside the daemon");
    }
}

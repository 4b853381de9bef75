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

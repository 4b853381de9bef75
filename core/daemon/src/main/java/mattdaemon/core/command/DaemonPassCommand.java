package mattdaemon.core.command;

import java.io.IOException;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.Reply;
import mattdaemon.protocol.ErrorCode;
import mattdaemon.core.server.CoreContext;

/**
 * {@code daemonpass [password]}: with a password, turns protection on (or changes the password);
 * without, turns it off. Only an authenticated session gets this far when protection is on.
 * The password is stored as a salted PBKDF2 hash and never logged.
 */
public final class DaemonPassCommand implements Command {
    static final int MIN_LENGTH = 8;

    @Override
    public String name() {
        return "daemonpass";
    }

    @Override
    public String summary() {
        return "set the daemon password (protection on), or remove it without an argument";
    }

    @Override
    public String usage() {
        return "daemonpass [new password, at least " + MIN_LENGTH + " characters]";
    }

    @Override
    public String describeRequest(String arguments) {
        return arguments.isEmpty() ? "daemonpass (protection off)" : "daemonpass (protection on)";
    }

    @Override
    public Reply execute(CommandContext context, String arguments) throws IOException {
        CoreContext core = (CoreContext) context;
        if (arguments.isEmpty()) {
            core.protection().clear();
            return Reply.ok("protection off");
        }
        if (arguments.length() < MIN_LENGTH) {
            return Reply.error(ErrorCode.USAGE, "the password must have at least " + MIN_LENGTH + " characters");
        }
        core.protection().set(arguments.toCharArray());
        core.auth().succeeded();
        return Reply.ok("protection on");
    }
}

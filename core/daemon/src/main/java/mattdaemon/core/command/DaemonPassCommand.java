package mattdaemon.core.command;

import java.io.IOException;

import mattdaemon.api.Reply;
import mattdaemon.core.request.CoreCommand;
import mattdaemon.core.request.CoreContext;

/**
 * {@code daemonpass [password]}: with a password, turns protection on (or changes the password);
 * without, turns it off. Only an authenticated session gets this far when protection is on.
 * The password is stored as a salted PBKDF2 hash and never logged.
 */
public final class DaemonPassCommand implements CoreCommand {
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
    public Reply execute(CoreContext context, String arguments) throws IOException {
        if (arguments.isEmpty()) {
            context.protection().clear();
            return Reply.ok("protection off");
        }
        if (arguments.length() < MIN_LENGTH) {
            return Reply.error("USAGE", "the password must have at least " + MIN_LENGTH + " characters");
        }
        context.protection().set(arguments.toCharArray());
        context.auth().succeeded();
        return Reply.ok("protection on");
    }
}

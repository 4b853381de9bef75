package mattdaemon.core.command;

import java.io.IOException;

import mattdaemon.api.Reply;
import mattdaemon.core.auth.PasswordChangeRule;
import mattdaemon.core.request.CoreCommand;
import mattdaemon.core.request.CoreContext;
import mattdaemon.protocol.ErrorCode;

/**
 * {@code daemonpass [password]}: with a password, turns protection on (or changes the password);
 * without, turns it off. Either way every other session is told, and one that authenticated with
 * an earlier password must authenticate again. Only an authenticated session gets this far when protection is on.
 * The password is stored as a salted PBKDF2 hash and never logged.
 */
public final class DaemonPassCommand implements CoreCommand {
    static final int MIN_LENGTH = 8;
    /** Told to every other session: what they proved no longer counts. */
    static final String PASSWORD_CHANGED = "password changed: authenticate again (auth <password>)";
    static final String PASSWORD_REMOVED = "password removed: no authentication needed";

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
        if (PasswordChangeRule.check(context.peerAddress(), context.protection().enabled())
                instanceof PasswordChangeRule.Decision.Refused refused) {
            return Reply.error(ErrorCode.DENIED, refused.reason());
        }
        if (arguments.isEmpty()) {
            context.protection().clear();
            context.noticeOtherSessions(PASSWORD_REMOVED);
            return Reply.ok("protection off");
        }
        if (arguments.length() < MIN_LENGTH) {
            return Reply.error(ErrorCode.USAGE, "the password must have at least " + MIN_LENGTH + " characters");
        }
        context.protection().set(arguments.toCharArray());
        context.auth().succeeded(context.protection().generation());
        context.noticeOtherSessions(PASSWORD_CHANGED);
        return Reply.ok("protection on");
    }
}

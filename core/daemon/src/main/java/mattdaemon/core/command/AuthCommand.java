package mattdaemon.core.command;

import java.time.Duration;
import java.time.Instant;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.DaemonEvent;
import mattdaemon.api.Reply;
import mattdaemon.core.auth.AuthState;
import mattdaemon.core.server.CoreContext;
import mattdaemon.protocol.ErrorCode;
import mattdaemon.protocol.SessionChange;

/**
 * {@code auth <password>}: proves the client knows the daemon's password. A wrong one is
 * answered only after a growing delay, and the third ends the connection.
 */
public final class AuthCommand implements Command {
    @Override
    public String name() {
        return "auth";
    }

    @Override
    public String summary() {
        return "authenticate with the daemon's password";
    }

    @Override
    public String usage() {
        return "auth <password>";
    }

    @Override
    public String describeRequest(String arguments) {
        return "auth (password hidden)";
    }

    @Override
    public Duration timeLimit() {
        return Duration.ofSeconds(30);
    }

    @Override
    public Reply execute(CommandContext context, String arguments) throws InterruptedException {
        CoreContext core = (CoreContext) context;
        AuthState auth = core.auth();
        if (!core.protection().enabled()) {
            return Reply.ok(SessionChange.NO_PASSWORD);
        }
        if (auth.authenticated()) {
            return Reply.ok(SessionChange.ALREADY_AUTHENTICATED);
        }
        if (core.protection().verify(arguments.toCharArray())) {
            auth.succeeded();
            context.log("Client " + context.session().peer() + " (session " + context.session().id() + ") authenticated.");
            return Reply.ok(SessionChange.AUTHENTICATED);
        }
        Duration delay = auth.failed();
        core.publish(new DaemonEvent.AuthFailed(Instant.now(), context.session().peer(), auth.failures()));
        context.log("Authentication failed for " + context.session().peer() + " (session " + context.session().id()
                + ", attempt " + auth.failures() + "/" + AuthState.MAX_FAILURES + ").");
        Thread.sleep(delay);
        if (auth.exhausted()) {
            core.closeAfterReply(AuthState.MAX_FAILURES + " wrong passwords");
            return Reply.error(ErrorCode.AUTH, "wrong password; too many attempts, closing");
        }
        return Reply.error(ErrorCode.AUTH, "wrong password (" + (AuthState.MAX_FAILURES - auth.failures()) + " attempts left)");
    }
}

package mattdaemon.core.command;

import java.time.Duration;
import java.time.Instant;

import mattdaemon.api.DaemonEvent;
import mattdaemon.api.Reply;
import mattdaemon.core.auth.AuthState;
import mattdaemon.core.request.Admission;
import mattdaemon.core.request.CoreCommand;
import mattdaemon.core.request.CoreContext;

/**
 * {@code auth <password>}: proves the client knows the daemon's password. A wrong one is
 * answered only after a growing delay, and the third ends the connection.
 */
public final class AuthCommand implements CoreCommand {
    @Override
    public String name() {
        return "auth";
    }

    @Override
    public Admission admission() {
        return Admission.BEFORE_AUTHENTICATION;
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
    public Reply execute(CoreContext context, String arguments) throws InterruptedException {
        AuthState auth = context.auth();
        if (!context.protection().enabled()) {
            return Reply.ok("no password is required");
        }
        if (auth.authenticated(context.protection().generation())) {
            return Reply.ok("already authenticated");
        }
        long generation = context.protection().generation();
        if (context.protection().verify(arguments.toCharArray())) {
            auth.succeeded(generation);
            context.sessionLog().info("authenticated.");
            return Reply.ok("authenticated");
        }
        Duration delay = auth.failed();
        context.publish(new DaemonEvent.AuthFailed(Instant.now(), context.session().peer(), auth.failures()));
        context.sessionLog().authenticationFailed(auth.failures(), AuthState.MAX_FAILURES);
        Thread.sleep(delay);
        if (auth.exhausted()) {
            context.close(AuthState.MAX_FAILURES + " wrong passwords");
            return Reply.error("AUTH", "wrong password; too many attempts, closing");
        }
        return Reply.error("AUTH", "wrong password (" + (AuthState.MAX_FAILURES - auth.failures()) + " attempts left)");
    }
}

package mattdaemon.core.command;

import java.time.Duration;
import java.time.Instant;

import mattdaemon.api.DaemonEvent;
import mattdaemon.api.Reply;
import mattdaemon.core.auth.AuthState;
import mattdaemon.core.auth.LoginThrottle;
import mattdaemon.core.request.Admission;
import mattdaemon.core.request.CoreCommand;
import mattdaemon.core.request.CoreContext;
import mattdaemon.protocol.ErrorCode;
import mattdaemon.protocol.SessionChange;

/**
 * {@code auth <password>}: proves the client knows the daemon's password. A wrong one is
 * answered only after a growing delay, and the third ends the connection; failures also count
 * against the client's address across connections ({@link LoginThrottle}), which closes it out
 * for a cool-down once it has guessed too often.
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
            return Reply.ok(SessionChange.NO_PASSWORD);
        }
        if (auth.authenticated(context.protection().generation())) {
            return Reply.ok(SessionChange.ALREADY_AUTHENTICATED);
        }
        if (context.logins().attempt(context.peerAddress()) instanceof LoginThrottle.Decision.Refused refused) {
            if (refused.firstRefusal()) {
                context.sessionLog().info("closed out for " + refused.retryAfter().toSeconds()
                        + " s: too many wrong passwords from its address.");
            }
            context.close("too many wrong passwords from its address");
            return Reply.error(ErrorCode.AUTH, "too many wrong passwords from your address; try again in "
                    + refused.retryAfter().toSeconds() + " s");
        }
        long generation = context.protection().generation();
        if (context.protection().verify(arguments.toCharArray())) {
            context.logins().recordSuccess(context.peerAddress());
            auth.succeeded(generation);
            context.sessionLog().info("authenticated.");
            return Reply.ok(SessionChange.AUTHENTICATED);
        }
        Duration delay = auth.failed(); // the attempt was counted against the address before the check
        context.publish(new DaemonEvent.AuthFailed(Instant.now(), context.session().peer(), auth.failures()));
        context.sessionLog().authenticationFailed(auth.failures(), AuthState.MAX_FAILURES);
        Thread.sleep(delay);
        if (auth.exhausted()) {
            context.close(AuthState.MAX_FAILURES + " wrong passwords");
            return Reply.error(ErrorCode.AUTH, "wrong password; too many attempts, closing");
        }
        return Reply.error(ErrorCode.AUTH, "wrong password (" + (AuthState.MAX_FAILURES - auth.failures()) + " attempts left)");
    }
}

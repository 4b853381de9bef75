package mattdaemon.core.command;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import mattdaemon.api.Reply;
import mattdaemon.core.request.Admission;
import mattdaemon.core.request.CoreCommand;
import mattdaemon.core.request.CoreContext;
import mattdaemon.core.tls.TlsIdentity;
import mattdaemon.protocol.ErrorCode;
import mattdaemon.protocol.SessionChange;

/**
 * {@code starttls}: after the {@code +OK} reply the client starts a TLS 1.3 handshake on the same
 * connection; the daemon's self-signed certificate is pinned by its SHA-256 fingerprint.
 */
public final class StartTlsCommand implements CoreCommand {
    @Override
    public String name() {
        return "starttls";
    }

    @Override
    public Admission admission() {
        return Admission.ANY_TIME;
    }

    @Override
    public String summary() {
        return "upgrade this connection to TLS 1.3 (certificate fingerprint in daemoninfo)";
    }

    @Override
    public Duration timeLimit() {
        return Duration.ofSeconds(30);
    }

    @Override
    public Reply execute(CoreContext context, String arguments) throws Exception {
        if (context.secure()) {
            return Reply.error(ErrorCode.TLS, "this connection already uses TLS");
        }
        if (!context.session().codec().name().equals("plain")) {
            return Reply.error(ErrorCode.TLS, "turn " + context.session().codec().name() + " off before starttls");
        }
        TlsIdentity identity = context.tls().get(20, TimeUnit.SECONDS);
        try {
            identity.context(); // built on first use: fail here, with a reply, rather than mid-handshake
        } catch (GeneralSecurityException | IOException e) {
            context.log("starttls refused: " + e.getMessage());
            return Reply.error(ErrorCode.TLS, "TLS unavailable: " + e.getMessage());
        }
        String fingerprint = identity.fingerprint();
        context.startTls();
        return Reply.ok(SessionChange.startTls(fingerprint));
    }
}

package mattdaemon.plugin.mail.send;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLException;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;

import mattdaemon.plugin.mail.config.DurationText;
import mattdaemon.plugin.mail.config.SmtpSettings;

/**
 * Turns what Jakarta Mail throws into a {@link SendFailure} an administrator can act on
 * ("login refused by ...", "unknown host ...", "TLS certificate ... not trusted"), with the
 * password scrubbed out, and decides whether a retry could help.
 */
final class Failures {
    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([2-5])\\d\\d\\b");

    private Failures() {
    }

    static SendFailure classify(Throwable failure, SmtpSettings smtp) {
        String where = smtp.endpoint();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            switch (t) {
                case AuthenticationFailedException a -> {
                    return failure("login refused by " + where + ": " + text(a, smtp), true, smtp);
                }
                case SendFailedException s when s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0 -> {
                    return failure("address refused by " + where + ": " + addresses(s.getInvalidAddresses()) + " ("
                            + text(s, smtp) + ")", true, smtp);
                }
                case UnknownHostException u -> {
                    return failure("unknown host " + smtp.host(), false, smtp);
                }
                case ConnectException c -> {
                    return failure("connection refused by " + where, false, smtp);
                }
                case NoRouteToHostException n -> {
                    return failure("no route to " + where, false, smtp);
                }
                case SocketTimeoutException s -> {
                    return failure("no answer from " + where + " within " + DurationText.format(smtp.timeout()), false, smtp);
                }
                case SSLException s -> {
                    return tls(s, smtp);
                }
                default -> {
                }
            }
        }
        String text = text(failure, smtp);
        if (text.contains("STARTTLS")) {
            return failure(where + " does not offer STARTTLS, which smtp.security = starttls requires", true, smtp);
        }
        Matcher code = REPLY_CODE.matcher(text);
        if (code.find()) {
            return failure("mail refused by " + where + ": " + text, code.group(1).equals("5"), smtp);
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root == failure ? "" : " (" + root.getClass().getSimpleName() + ": " + text(root, smtp) + ")";
        return failure("sending through " + where + " failed: " + text + cause, false, smtp);
    }

    private static SendFailure tls(SSLException e, SmtpSettings smtp) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof CertificateException && (message.contains("subject alternative") || message.contains("match"))) {
                return failure("TLS certificate of " + smtp.endpoint() + " does not name " + smtp.host()
                        + " (see mail.smtp.check_identity)", true, smtp);
            }
            if (t instanceof CertPathValidatorException || message.contains("PKIX")) {
                return failure("TLS certificate of " + smtp.endpoint() + " is not trusted"
                        + (smtp.caFile().isPresent() ? " by mail.smtp.ca_file" : "; trust it with mail.smtp.ca_file"),
                        true, smtp);
            }
        }
        return failure("TLS with " + smtp.endpoint() + " failed: " + text(e, smtp), true, smtp);
    }

    private static String addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static String text(Throwable t, SmtpSettings smtp) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        return smtp.scrub(message);
    }

    private static SendFailure failure(String reason, boolean permanent, SmtpSettings smtp) {
        return new SendFailure(MailText.oneLine(smtp.scrub(reason), 400), permanent);
    }
}

package mattdaemon.plugin.mail.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the plugin was configured with, rules aside.
 *
 * @param smtp            the server; empty when {@code mail.smtp.host} is not set (mail is then off)
 * @param from            the sender address
 * @param to              default recipients
 * @param allowedTo       what {@code mail ... to <address>} may name besides {@code to}: addresses,
 *                        {@code @domain} entries or {@code *}
 * @param retry           tries and back-off
 * @param queueLimit      mails waiting or being tried at most; more are refused
 * @param logLines        lines of the log quoted in a report's body
 * @param attachmentLimit largest log attachment in bytes (its end is kept)
 * @param shutdownWait    how long shutdown may wait for queued mails to go
 * @param hostName        this machine's name, for subjects and the SMTP greeting
 */
public record MailSettings(Optional<SmtpSettings> smtp, String from, List<String> to, List<String> allowedTo,
                           RetryPolicy retry, int queueLimit, int logLines, long attachmentLimit,
                           Duration shutdownWait, String hostName) {
    /** Copies the lists. */
    public MailSettings {
        to = List.copyOf(to);
        allowedTo = List.copyOf(allowedTo);
    }

    /** Whether {@code address} may be named after {@code to} in a request. */
    public boolean allows(String address) {
        String lower = address.toLowerCase(java.util.Locale.ROOT);
        for (String entry : allowedTo) {
            String e = entry.toLowerCase(java.util.Locale.ROOT);
            if (e.equals("*") || e.equals(lower) || (e.startsWith("@") && lower.endsWith(e))) {
                return true;
            }
        }
        return to.stream().anyMatch(t -> t.equalsIgnoreCase(address));
    }
}

package mattdaemon.plugin.mail.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where and how to reach the SMTP server.
 *
 * @param host          server name or address
 * @param port          server port
 * @param security      plain, STARTTLS or SMTPS
 * @param user          login, when the server wants one
 * @param password      the login's password, read from the password file
 * @param caFile        PEM certificates to trust instead of the JDK's certificate authorities
 * @param checkIdentity whether the server certificate must name {@code host}
 * @param timeout       limit for connecting, and for each read and write
 */
public record SmtpSettings(String host, int port, Security security, Optional<String> user,
                           Optional<Secret> password, Optional<Path> caFile, boolean checkIdentity,
                           Duration timeout) {
    /** Checks that a login comes with its password. */
    public SmtpSettings {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("smtp.port out of range: " + port);
        }
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("smtp.user and smtp.password_file go together");
        }
    }

    /** {@code host:port}, as shown in messages. */
    public String endpoint() {
        return host + ":" + port;
    }

    /** Removes the password from a text about this server. */
    public String scrub(String text) {
        return password.map(p -> p.scrub(text)).orElse(text);
    }
}

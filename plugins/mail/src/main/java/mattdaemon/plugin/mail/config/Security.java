package mattdaemon.plugin.mail.config;

import java.util.Locale;

/** How the connection to the SMTP server is protected. */
public enum Security {
    /** Plain SMTP; credentials would travel in clear. */
    NONE(25),
    /** Plain connection upgraded with STARTTLS; the upgrade is required, never skipped. */
    STARTTLS(587),
    /** TLS from the first byte (SMTPS). */
    SMTPS(465);

    private final int defaultPort;

    Security(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The usual port for this mode. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The configuration word for this mode. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code none}, {@code starttls} or {@code smtps}.
     *
     * @throws IllegalArgumentException for any other word
     */
    public static Security parse(String word) {
        for (Security security : values()) {
            if (security.word().equals(word.trim().toLowerCase(Locale.ROOT))) {
                return security;
            }
        }
        throw new IllegalArgumentException("smtp.security must be none, starttls or smtps, not '" + word + "'");
    }
}

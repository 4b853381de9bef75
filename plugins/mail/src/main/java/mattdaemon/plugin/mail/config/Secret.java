package mattdaemon.plugin.mail.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A password. Its {@link #toString()} never shows it, and {@link #scrub} removes it (and the
 * Base64 forms SMTP AUTH sends) from any text before that text reaches a log or a reply.
 */
public final class Secret {
    private static final String HIDDEN = "(hidden)";
    private final String value;

    /** Wraps a password; it must not be empty. */
    public Secret(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty password");
        }
        this.value = value;
    }

    /** The password itself, for the SMTP login only. */
    public String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of the password replaced. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String encoded = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        return text.replace(value, HIDDEN).replace(encoded, HIDDEN);
    }

    @Override
    public String toString() {
        return HIDDEN;
    }
}

package mattdaemon.plugin.mail.rule;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mattdaemon.plugin.mail.config.DurationText;

/**
 * At most {@code mails} mails per {@code period}, written {@code 5/1h}.
 *
 * @param mails  mails allowed in any window of {@code period}
 * @param period the window
 */
public record RateLimit(int mails, Duration period) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})\\s*/\\s*(\\S+)");

    /** Checks the ranges. */
    public RateLimit {
        if (mails < 1) {
            throw new IllegalArgumentException("a rate allows at least 1 mail per period");
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate's period must be positive");
        }
    }

    /**
     * Parses {@code N/period}, e.g. {@code 5/1h} or {@code 2/30s}.
     *
     * @throws IllegalArgumentException naming {@code key}
     */
    public static RateLimit parse(String key, String text) {
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(key + " must look like 5/1h (mails per period), not '" + text + "'");
        }
        return new RateLimit(Integer.parseInt(m.group(1)), DurationText.parse(key, m.group(2)));
    }

    @Override
    public String toString() {
        return mails + "/" + DurationText.format(period);
    }
}

package mattdaemon.plugin.mail.config;

import java.time.Duration;

/**
 * How often a mail is tried and how long to wait in between: {@code firstDelay}, doubled after
 * each failure, never more than {@code maxDelay}.
 *
 * @param attempts   tries in all, at least 1
 * @param firstDelay wait after the first failure
 * @param maxDelay   longest wait between two tries
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {
    /** Checks the ranges. */
    public RetryPolicy {
        if (attempts < 1 || attempts > 100) {
            throw new IllegalArgumentException("retry.attempts must be between 1 and 100, not " + attempts);
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("retry.max_delay must be at least retry.delay");
        }
    }

    /** The wait after failed try number {@code failed} (1 for the first failure). */
    public Duration delayAfter(int failed) {
        Duration delay = firstDelay;
        for (int i = 1; i < failed && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}

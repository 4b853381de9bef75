package mattdaemon.plugin.mail.rule;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A sliding-window counter: at most {@link RateLimit#mails()} permits in any stretch of
 * {@link RateLimit#period()}. Not thread-safe; {@link RuleState} guards it.
 */
final class RateWindow {
    private final RateLimit limit;
    private final Deque<Instant> granted = new ArrayDeque<>();

    RateWindow(RateLimit limit) {
        this.limit = limit;
    }

    /** Takes a permit at {@code now} if the window has one left. */
    boolean tryAcquire(Instant now) {
        forget(now);
        if (granted.size() >= limit.mails()) {
            return false;
        }
        granted.addLast(now);
        return true;
    }

    /** The first moment at or after {@code now} when a permit will be free. */
    Instant nextFree(Instant now) {
        forget(now);
        return granted.size() < limit.mails() ? now : granted.peekFirst().plus(limit.period());
    }

    private void forget(Instant now) {
        Instant horizon = now.minus(limit.period());
        while (!granted.isEmpty() && !granted.peekFirst().isAfter(horizon)) {
            granted.removeFirst();
        }
    }
}

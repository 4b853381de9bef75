package mattdaemon.core.auth;

import java.time.Duration;

/**
 * One session's standing: authenticated or not, and how many wrong passwords it sent. After
 * each failure the answer is delayed longer (1 s, 2 s, 4 s...), and the third failure ends the
 * session, so guessing costs time and reconnections.
 */
public final class AuthState {
    /** Failures after which the session is closed. */
    public static final int MAX_FAILURES = 3;

    private boolean authenticated;
    private int failures;

    /** Marks the session authenticated. */
    public void succeeded() {
        authenticated = true;
        failures = 0;
    }

    /** Counts a failure; returns the delay to wait before answering it. */
    public Duration failed() {
        failures++;
        return Duration.ofSeconds(1L << (failures - 1));
    }

    /** Whether the session proved it knows the password. */
    public boolean authenticated() {
        return authenticated;
    }

    /** Wrong passwords so far. */
    public int failures() {
        return failures;
    }

    /** Whether the session has used up its attempts. */
    public boolean exhausted() {
        return failures >= MAX_FAILURES;
    }
}

package mattdaemon.core.auth;

import java.time.Duration;

/**
 * One session's standing: which password it proved it knows (by the protection's generation, so
 * a changed password revokes it), and how many wrong passwords it sent. After
 * each failure the answer is delayed longer (1 s, 2 s, 4 s...), and the third failure ends the
 * session, so guessing costs time and reconnections.
 */
public final class AuthState {
    /** Failures after which the session is closed. */
    public static final int MAX_FAILURES = 3;

    private static final long NONE = -1;

    private volatile long authenticatedGeneration = NONE;
    private int failures;

    /** Marks the session authenticated with the password of {@code generation} (see {@link Protection#generation}). */
    public void succeeded(long generation) {
        authenticatedGeneration = generation;
        failures = 0;
    }

    /** Counts a failure; returns the delay to wait before answering it. */
    public Duration failed() {
        failures++;
        return Duration.ofSeconds(1L << (failures - 1));
    }

    /** Whether the session proved it knows the password of {@code generation}, the one in force. */
    public boolean authenticated(long generation) {
        return authenticatedGeneration == generation;
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

package mattdaemon.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import org.junit.jupiter.api.Test;

class LoginThrottleLimitsGuessesPerAddress {
    private static final InetAddress A = InetAddress.ofLiteral("192.0.2.1");
    private static final InetAddress B = InetAddress.ofLiteral("192.0.2.2");

    /** A clock the test moves. */
    private static final class Clock implements InstantSource {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final Clock clock = new Clock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, 10, Duration.ofSeconds(60), Duration.ofMinutes(5));

    private static boolean allowed(LoginThrottle.Decision d) {
        return d instanceof LoginThrottle.Decision.Allowed;
    }

    @Test
    void nFailuresCloseTheAddressOutForTheCoolDownLoggedOnce() {
        for (int i = 0; i < 3; i++) {
            assertThat(allowed(throttle.check(A))).isTrue();
            throttle.recordFailure(A);
        }
        LoginThrottle.Decision first = throttle.check(A);
        assertThat(first).isEqualTo(new LoginThrottle.Decision.Refused(Duration.ofMinutes(5), true));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.check(A)).isEqualTo(new LoginThrottle.Decision.Refused(Duration.ofMinutes(4), false));
        // another address is not affected
        assertThat(allowed(throttle.check(B))).isTrue();
        clock.advance(Duration.ofMinutes(4));
        assertThat(allowed(throttle.check(A))).isTrue();
    }

    @Test
    void reconnectingDoesNotHelpOnlyTimeDoes() {
        // the throttle knows addresses, not sessions: each "connection" meets the same count
        throttle.recordFailure(A);
        throttle.recordFailure(A);
        assertThat(allowed(throttle.check(A))).isTrue();
        clock.advance(Duration.ofSeconds(60));
        // one failure forgotten: two more are needed to close it out
        throttle.recordFailure(A);
        assertThat(allowed(throttle.check(A))).isTrue();
        throttle.recordFailure(A);
        assertThat(allowed(throttle.check(A))).isFalse();
    }

    @Test
    void failuresDecayToNothing() {
        throttle.recordFailure(A);
        throttle.recordFailure(A);
        clock.advance(Duration.ofMinutes(10));
        throttle.recordFailure(A);
        throttle.recordFailure(A);
        assertThat(allowed(throttle.check(A))).isTrue();
    }

    @Test
    void aSuccessForgetsTheAddressesFailures() {
        throttle.recordFailure(A);
        throttle.recordFailure(A);
        throttle.recordSuccess(A);
        throttle.recordFailure(A);
        throttle.recordFailure(A);
        assertThat(allowed(throttle.check(A))).isTrue();
    }

    @Test
    void manyAddressesTogetherAreLimitedToo() {
        for (int i = 0; i < 10; i++) {
            InetAddress source = InetAddress.ofLiteral("198.51.100." + (i + 1));
            assertThat(allowed(throttle.check(source))).isTrue();
            throttle.recordFailure(source);
        }
        LoginThrottle.Decision refused = throttle.check(InetAddress.ofLiteral("203.0.113.9"));
        assertThat(refused).isEqualTo(new LoginThrottle.Decision.Refused(Duration.ofSeconds(60), true));
        assertThat(throttle.check(A)).isEqualTo(new LoginThrottle.Decision.Refused(Duration.ofSeconds(60), false));
        clock.advance(Duration.ofSeconds(60));
        assertThat(allowed(throttle.check(A))).isTrue();
    }

    @Test
    void memoryIsBoundedByForgettingTheQuietestAddress() throws Exception {
        LoginThrottle wide = new LoginThrottle(clock, 3, Integer.MAX_VALUE, Duration.ofHours(1), Duration.ofMinutes(5));
        InetAddress first = InetAddress.ofLiteral("10.255.255.255");
        wide.recordFailure(first);
        wide.recordFailure(first);
        for (int i = 0; i < LoginThrottle.MAX_TRACKED; i++) {
            clock.advance(Duration.ofMillis(1));
            wide.recordFailure(InetAddress.getByAddress(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i}));
        }
        // its two failures were forgotten to make room: one more does not close it out
        wide.recordFailure(first);
        assertThat(allowed(wide.check(first))).isTrue();
    }
}

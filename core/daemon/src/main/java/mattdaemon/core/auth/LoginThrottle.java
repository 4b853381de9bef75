package mattdaemon.core.auth;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Limits password guesses per source address and over all addresses, across reconnections:
 * what counts is the address, not the session. Each address has a budget of failures that
 * refills with time (a leaky bucket: one failure forgotten every {@code decay}); at
 * {@code perAddress} failures the address is closed out for {@code coolDown}. Over all
 * addresses together, at most {@code overall} failures per {@code decay} window are answered, so
 * many addresses cannot multiply the rate either. Thread-safe; the clock is injected.
 * <p>
 * Memory is bounded: at most {@link #MAX_TRACKED} addresses are remembered; past that the
 * longest-quiet one is forgotten.
 */
public final class LoginThrottle {
    /** The most addresses remembered at once. */
    public static final int MAX_TRACKED = 4096;

    private final InstantSource clock;
    private final int perAddress;
    private final int overall;
    private final Duration decay;
    private final Duration coolDown;
    private final Map<InetAddress, Source> sources = new HashMap<>();
    private final Source everyone = new Source();

    /** The defaults: 5 failures per address, 20 over all, one forgotten a minute, 15 min cool-down. */
    public LoginThrottle(InstantSource clock) {
        this(clock, 5, 20, Duration.ofMinutes(1), Duration.ofMinutes(15));
    }

    /**
     * @param clock      where the time comes from
     * @param perAddress failures from one address that close it out
     * @param overall    failures from all addresses together after which every one waits
     * @param decay      how long until one failure is forgotten
     * @param coolDown   how long a closed-out address stays refused
     */
    public LoginThrottle(InstantSource clock, int perAddress, int overall, Duration decay, Duration coolDown) {
        if (perAddress < 1 || overall < 1 || decay.isNegative() || decay.isZero() || coolDown.isNegative()) {
            throw new IllegalArgumentException("bad throttle settings");
        }
        this.clock = clock;
        this.perAddress = perAddress;
        this.overall = overall;
        this.decay = decay;
        this.coolDown = coolDown;
    }

    /** What to do with a login attempt. */
    public sealed interface Decision {
        /** Check the password. */
        record Allowed() implements Decision {
        }

        /**
         * Do not even check the password; tell the client to come back later.
         *
         * @param retryAfter  how long until an attempt may be allowed again
         * @param firstRefusal true only for the first refusal of this close-out: log it then, once
         */
        record Refused(Duration retryAfter, boolean firstRefusal) implements Decision {
        }
    }

    /** Whether a login attempt from {@code address} may be checked now. */
    public synchronized Decision check(InetAddress address) {
        Instant now = clock.instant();
        Source source = sources.get(address);
        if (source != null) {
            source.leak(now);
            if (source.closedUntil != null && now.isBefore(source.closedUntil)) {
                boolean first = !source.refusalLogged;
                source.refusalLogged = true;
                return new Decision.Refused(Duration.between(now, source.closedUntil), first);
            }
        }
        everyone.leak(now);
        if (everyone.failures >= overall) {
            boolean first = !everyone.refusalLogged;
            everyone.refusalLogged = true;
            return new Decision.Refused(decay, first);
        }
        return new Decision.Allowed();
    }

    /**
     * Counts a login attempt from {@code address} before its password is checked, when it may be
     * checked at all: parallel attempts then cannot all pass {@link #check} before any failure is
     * counted. A right password takes the attempt back with {@link #recordSuccess}.
     */
    public synchronized Decision attempt(InetAddress address) {
        Decision decision = check(address);
        if (decision instanceof Decision.Allowed) {
            recordFailure(address);
        }
        return decision;
    }

    /** Counts a wrong password from {@code address}. */
    public synchronized void recordFailure(InetAddress address) {
        Instant now = clock.instant();
        Source source = sources.computeIfAbsent(address, a -> new Source());
        source.leak(now);
        source.failures++;
        source.lastFailure = now;
        if (source.failures >= perAddress && (source.closedUntil == null || !now.isBefore(source.closedUntil))) {
            source.closedUntil = now.plus(coolDown);
            source.refusalLogged = false;
        }
        everyone.leak(now);
        everyone.failures++;
        if (everyone.failures < overall) {
            everyone.refusalLogged = false;
        }
        forgetQuietest();
    }

    /** A right password from {@code address}: its failures are forgotten, and its attempt no longer counts in all. */
    public synchronized void recordSuccess(InetAddress address) {
        if (sources.remove(address) != null) {
            everyone.failures = Math.max(0, everyone.failures - 1);
        }
    }

    private void forgetQuietest() {
        if (sources.size() <= MAX_TRACKED) {
            return;
        }
        Instant now = clock.instant();
        Iterator<Map.Entry<InetAddress, Source>> it = sources.entrySet().iterator();
        InetAddress quietest = null;
        Instant oldest = null;
        while (it.hasNext()) {
            Map.Entry<InetAddress, Source> e = it.next();
            Source s = e.getValue();
            s.leak(now);
            boolean closed = s.closedUntil != null && now.isBefore(s.closedUntil);
            if (s.failures == 0 && !closed) {
                it.remove();
            } else if (!closed && (oldest == null || s.lastFailure.isBefore(oldest))) {
                oldest = s.lastFailure;
                quietest = e.getKey();
            }
        }
        if (sources.size() > MAX_TRACKED && quietest != null) {
            sources.remove(quietest);
        }
    }

    /** One address's (or everyone's) failures, forgotten one per {@code decay}. */
    private final class Source {
        int failures;
        Instant leakedAt;
        Instant lastFailure;
        Instant closedUntil;
        boolean refusalLogged;

        void leak(Instant now) {
            if (leakedAt == null || failures == 0) {
                leakedAt = now;
                return;
            }
            long forgotten = Duration.between(leakedAt, now).toNanos() / decay.toNanos();
            if (forgotten > 0) {
                failures = (int) Math.max(0, failures - forgotten);
                leakedAt = leakedAt.plus(decay.multipliedBy(forgotten));
            }
        }
    }
}

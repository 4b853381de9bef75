package mattdaemon.plugin.mail.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import mattdaemon.plugin.mail.config.DurationText;

/**
 * One rule's running state: the events gathered for its next mail, its rate window and its
 * counters. Pure bookkeeping with the time passed in, so its decisions are plain to test;
 * {@link RuleEngine} does the waiting. Thread-safe.
 */
public final class RuleState {
    /** Events listed in one mail; more are only counted. */
    static final int MAX_LISTED = 100;

    /** What {@link #flush} decided. */
    public sealed interface Flush {
        /**
         * Send one mail now.
         *
         * @param events  the events listed, oldest first
         * @param omitted further events, counted but not listed
         * @param held    how many of all these waited for the rate limit
         */
        record Send(List<Occurrence> events, int omitted, int held) implements Flush {
            /** Copies the list. */
            public Send {
                events = List.copyOf(events);
            }

            /** All events this mail stands for. */
            public int count() {
                return events.size() + omitted;
            }
        }

        /** The rate limit is spent: try again at {@code at}; the events stay gathered. */
        record Later(Instant at) implements Flush {
        }

        /** Nothing gathered. */
        record Idle() implements Flush {
        }
    }

    private final Rule rule;
    private final RateWindow window;
    private final List<Occurrence> pending = new ArrayList<>();
    private int omitted;
    /** Events gathered before the rate limit was known to be spent. */
    private int unchecked;
    /** Events of the gathered batch that waited for the rate limit. */
    private int held;
    /** The rate limit is spent and the gathered batch waits for it. */
    private boolean holding;
    private boolean flushPlanned;
    private long matched;
    private long mails;
    private long throttled;

    /** Fresh state for {@code rule}. */
    public RuleState(Rule rule) {
        this.rule = rule;
        this.window = new RateWindow(rule.rate());
    }

    /** The rule. */
    public Rule rule() {
        return rule;
    }

    /**
     * Gathers one of the rule's events. Returns when its mail should go (now plus the batch
     * window) if no flush is planned yet; empty when one already is, as the event joins it.
     */
    public synchronized Optional<Instant> offer(Occurrence occurrence, Instant now) {
        matched++;
        if (pending.size() < MAX_LISTED) {
            pending.add(occurrence);
        } else {
            omitted++;
        }
        if (holding) {
            throttled++;
            held++;
        } else {
            unchecked++;
        }
        if (flushPlanned) {
            return Optional.empty();
        }
        flushPlanned = true;
        return Optional.of(now.plus(rule.batch()));
    }

    /**
     * Ends the batch window: a mail if the rate allows (or {@code force}, at shutdown), else a
     * later time to try again, the events staying gathered. Every event that waits for the
     * rate limit, whether gathered before or during the wait, counts once as throttled.
     */
    public synchronized Flush flush(Instant now, boolean force) {
        flushPlanned = false;
        if (pending.isEmpty()) {
            return new Flush.Idle();
        }
        if (!window.tryAcquire(now) && !force) {
            throttled += unchecked;
            held += unchecked;
            unchecked = 0;
            holding = true;
            flushPlanned = true;
            return new Flush.Later(window.nextFree(now));
        }
        Flush.Send send = new Flush.Send(pending, omitted, held);
        pending.clear();
        omitted = 0;
        held = 0;
        unchecked = 0;
        holding = false;
        mails++;
        return send;
    }

    /** Events taken so far. */
    public synchronized long matched() {
        return matched;
    }

    /** Mails made so far. */
    public synchronized long mails() {
        return mails;
    }

    /** Events that had to wait for the rate limit. */
    public synchronized long throttled() {
        return throttled;
    }

    /** Events gathered for the next mail. */
    public synchronized int waiting() {
        return pending.size() + omitted;
    }

    /** One line for {@code mail rules}. */
    public synchronized String describe() {
        Duration batch = rule.batch();
        return rule.name() + ": event " + rule.event().word()
                + rule.match().map(p -> " match /" + p.pattern() + "/").orElse("")
                + (rule.to().isEmpty() ? "" : " to " + String.join(",", rule.to()))
                + " rate " + rule.rate()
                + (batch.isZero() ? "" : " batch " + DurationText.format(batch))
                + " | fired " + matched + ", mails " + mails + ", throttled " + throttled + ", waiting " + waiting();
    }
}

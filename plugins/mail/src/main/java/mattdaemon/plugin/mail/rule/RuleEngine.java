package mattdaemon.plugin.mail.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import mattdaemon.api.DaemonEvent;
import mattdaemon.plugin.mail.send.Journal;
import mattdaemon.plugin.mail.send.MailQueue;

/**
 * Runs the rules: hands each event to the rules that take it, and ends each batch window on a
 * short-lived virtual thread, so {@link #accept} only does bookkeeping and returns at once.
 * {@link #stop} ends those threads without mailing what they hold.
 */
public final class RuleEngine {
    private final List<RuleState> states;
    private final RuleMailComposer composer;
    private final MailQueue queue;
    private final Journal journal;
    private final Set<Thread> windows = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /** An engine for {@code rules}, whose mails go to {@code queue}. */
    public RuleEngine(List<Rule> rules, RuleMailComposer composer, MailQueue queue, Journal journal) {
        this.states = rules.stream().map(RuleState::new).toList();
        this.composer = composer;
        this.queue = queue;
        this.journal = journal;
    }

    /** Offers one daemon event to every rule; quick, never blocks. */
    public void accept(DaemonEvent event) {
        if (stopped) {
            return;
        }
        Occurrence.of(event).ifPresent(occurrence -> {
            Instant now = Instant.now();
            for (RuleState state : states) {
                if (state.rule().takes(occurrence)) {
                    state.offer(occurrence, now).ifPresent(at -> flushAt(state, at));
                }
            }
        });
    }

    private void flushAt(RuleState state, Instant at) {
        Duration wait = Duration.between(Instant.now(), at);
        if (wait.isNegative() || wait.isZero()) {
            flush(state, false);
            return;
        }
        Thread window = Thread.ofVirtual().name("mail-rule-" + state.rule().name()).unstarted(() -> {
            try {
                Thread.sleep(wait);
                flush(state, false);
            } catch (InterruptedException e) {
                // stopped: the plugin is going, what the window holds is not mailed
            } finally {
                windows.remove(Thread.currentThread());
            }
        });
        windows.add(window);
        window.start();
    }

    private void flush(RuleState state, boolean force) {
        if (stopped) {
            return;
        }
        switch (state.flush(Instant.now(), force)) {
            case RuleState.Flush.Send send -> submit(state.rule(), send);
            case RuleState.Flush.Later later -> flushAt(state, later.at());
            case RuleState.Flush.Idle idle -> {
            }
        }
    }

    private void submit(Rule rule, RuleState.Flush.Send send) {
        if (composer.recipients(rule).isEmpty()) {
            journal.error("Mail rule " + rule.name() + ": " + send.count() + " event(s) not mailed, no recipient"
                    + " (set mail.rule." + rule.name() + ".to or mail.to).");
            return;
        }
        queue.submit(composer.compose(rule, send)).ifPresentOrElse(
                id -> journal.info("Mail rule " + rule.name() + " fired: mail " + id + " queued with " + send.count()
                        + " event(s)."),
                () -> journal.error("Mail rule " + rule.name() + ": " + send.count()
                        + " event(s) not mailed, the mail queue is full."));
    }

    /** Sends every gathered event now, rate limits aside: the daemon is stopping. */
    public void flushAll() {
        for (RuleState state : states) {
            flush(state, true);
        }
    }

    /** Ends every batch window's thread; what the windows hold is dropped, nothing more is mailed. */
    public void stop() {
        stopped = true;
        windows.forEach(Thread::interrupt);
    }

    /** One line per rule, with how often it fired and was throttled. */
    public List<String> describe() {
        return states.stream().map(RuleState::describe).toList();
    }

    /** The rules' states, in rule name order. */
    public List<RuleState> states() {
        return states;
    }
}

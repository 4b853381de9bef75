package mattdaemon.plugin.mail.send;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import mattdaemon.plugin.mail.config.DurationText;
import mattdaemon.plugin.mail.config.RetryPolicy;

/**
 * The plugin's outgoing mail. {@link #submit} returns at once; each mail then lives on a
 * virtual thread of its own that tries, waits out the back-off and tries again, while a fair
 * lock keeps to one SMTP conversation at a time. Outcomes are logged as
 * {@code Mail <id> sent to ...} or {@code Mail <id> failed: <reason>}. Virtual threads end with
 * their mail, so an idle plugin has no thread; {@link #stop} ends the others (the plugin is
 * being replaced or removed): their mails are abandoned, never sent with the old settings.
 */
public final class Outbox implements MailQueue {
    /** What went wrong last, for warnings in replies. */
    public record Failure(String id, String reason, Instant at) {
    }

    private final Sender sender;
    private final RetryPolicy retry;
    private final int limit;
    private final Journal journal;
    private final ReentrantLock line = new ReentrantLock(true);
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private volatile Failure lastFailure;

    private static final class Entry {
        final String id;
        final OutgoingMail mail;
        volatile int attempt;
        volatile Instant nextTry;
        volatile String lastError;

        Entry(String id, OutgoingMail mail) {
            this.id = id;
            this.mail = mail;
        }
    }

    /**
     * @param limit mails queued or being tried at most
     */
    public Outbox(Sender sender, RetryPolicy retry, int limit, Journal journal) {
        this.sender = sender;
        this.retry = retry;
        this.limit = limit;
        this.journal = journal;
    }

    @Override
    public Optional<String> submit(OutgoingMail mail) {
        Entry entry;
        synchronized (entries) {
            if (stopped || entries.size() >= limit) {
                return Optional.empty();
            }
            String id;
            do {
                id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            } while (entries.containsKey(id));
            entry = new Entry(id, mail);
            entries.put(id, entry);
        }
        Thread thread = Thread.ofVirtual().name("mail-" + entry.id).unstarted(() -> deliver(entry));
        threads.add(thread);
        thread.start();
        return Optional.of(entry.id);
    }

    private void deliver(Entry entry) {
        try {
            for (int attempt = 1; ; attempt++) {
                entry.attempt = attempt;
                entry.nextTry = null;
                try {
                    sendOnce(entry.mail);
                    journal.info("Mail " + entry.id + " sent to " + String.join(", ", entry.mail.to()) + ".");
                    lastFailure = null;
                    return;
                } catch (SendFailure failure) {
                    if (stopped) {
                        throw new InterruptedException("stopped during attempt " + attempt);
                    }
                    if (failure.permanent() || attempt >= retry.attempts()) {
                        fail(entry, failure.getMessage() + (attempt > 1 ? " (" + attempt + " attempts)" : ""));
                        return;
                    }
                    Duration delay = retry.delayAfter(attempt);
                    entry.lastError = failure.getMessage();
                    entry.nextTry = Instant.now().plus(delay);
                    journal.info("Mail " + entry.id + " attempt " + attempt + "/" + retry.attempts() + " failed: "
                            + failure.getMessage() + "; next try in " + DurationText.format(delay) + ".");
                    Thread.sleep(delay);
                }
            }
        } catch (InterruptedException e) {
            fail(entry, "abandoned, the plugin is stopping");
        } catch (RuntimeException e) {
            fail(entry, e.getClass().getSimpleName());
        } finally {
            threads.remove(Thread.currentThread());
            synchronized (entries) {
                entries.remove(entry.id);
                entries.notifyAll();
            }
        }
    }

    private void sendOnce(OutgoingMail mail) throws SendFailure, InterruptedException {
        line.lockInterruptibly();
        try {
            if (stopped) {
                throw new InterruptedException("stopped");
            }
            sender.send(mail);
        } finally {
            line.unlock();
        }
    }

    private void fail(Entry entry, String reason) {
        lastFailure = new Failure(entry.id, reason, Instant.now());
        journal.error("Mail " + entry.id + " failed: " + reason);
    }

    /**
     * Ends every mail thread: each mail still queued, waiting or being tried is logged as
     * abandoned and never sent. Waits up to {@code max} for the threads to end; later
     * {@link #submit} calls are refused.
     */
    public void stop(Duration max) {
        stopped = true;
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + max.toNanos();
        try {
            for (Thread thread : List.copyOf(threads)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !thread.join(Duration.ofNanos(left))) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last failure, unless a mail went out since. */
    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** One line per mail queued or being tried. */
    public List<String> status() {
        List<String> lines = new ArrayList<>();
        Instant now = Instant.now();
        synchronized (entries) {
            for (Entry e : entries.values()) {
                Instant next = e.nextTry;
                lines.add(e.id + ": to " + String.join(",", e.mail.to())
                        + (e.attempt == 0 ? ", queued" : ", attempt " + e.attempt + "/" + retry.attempts())
                        + (next == null ? "" : ", next try in "
                        + DurationText.format(Duration.ofSeconds(Math.max(0, Duration.between(now, next).toSeconds()))))
                        + (e.lastError == null ? "" : ", last error: " + e.lastError));
            }
        }
        return lines;
    }

    /** Mails queued or being tried. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /**
     * Waits until every queued mail is sent or given up, or {@code max} has passed; an interrupt
     * does not cut the wait short (shutdown interrupts its listeners), it is kept for the caller.
     * Returns whether the queue is empty.
     */
    public boolean awaitEmpty(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        boolean interrupted = false;
        synchronized (entries) {
            while (!entries.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    entries.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return entries.isEmpty();
        }
    }
}

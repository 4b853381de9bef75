package mattdaemon.plugin.mail.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import mattdaemon.api.DaemonEvent;
import mattdaemon.plugin.mail.send.MailQueue;
import mattdaemon.plugin.mail.send.OutgoingMail;
import mattdaemon.plugin.mail.send.RecordingJournal;

/** The engine with real time and short windows; its mails are collected instead of sent. */
class BatchesGatherEventsInAWindow {
    final List<OutgoingMail> queued = new ArrayList<>();
    final MailQueue queue = mail -> {
        synchronized (queued) {
            queued.add(mail);
            return Optional.of("id" + queued.size());
        }
    };
    final RecordingJournal journal = new RecordingJournal();

    RuleEngine engine(Map<String, String> settings) {
        return new RuleEngine(RuleParser.parse(settings), new RuleMailComposer("box", List.of("ops@example.org")),
                queue, journal);
    }

    List<OutgoingMail> awaitMails(int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (queued) {
                if (queued.size() >= count) {
                    return List.copyOf(queued);
                }
            }
            Thread.sleep(10);
        }
        synchronized (queued) {
            return List.copyOf(queued);
        }
    }

    @Test
    void aFloodWithinTheWindowBecomesOneMail() throws Exception {
        RuleEngine engine = engine(Map.of("rule.boom.event", "message", "rule.boom.match", "boom",
                "rule.boom.batch", "400ms", "rule.boom.subject", "{count} x {event} on {host}: {detail}"));
        long started = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            engine.accept(new DaemonEvent.MessageReceived(Instant.now(), "127.0.0.1:1", "boom " + i));
            engine.accept(new DaemonEvent.MessageReceived(Instant.now(), "127.0.0.1:1", "quiet " + i));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("accept never waits").isLessThan(Duration.ofMillis(300));
        assertThat(queued).as("nothing before the window ends").isEmpty();
        List<OutgoingMail> mails = awaitMails(1, Duration.ofSeconds(3));
        Thread.sleep(500);
        assertThat(queued).hasSize(1);
        OutgoingMail mail = mails.getFirst();
        assertThat(mail.subject()).isEqualTo("30 x message on box: message from 127.0.0.1:1: boom 0");
        assertThat(mail.to()).containsExactly("ops@example.org");
        assertThat(mail.body()).contains("boom 0", "boom 29").doesNotContain("quiet");
        assertThat(engine.describe()).containsExactly(
                "boom: event message match /boom/ rate 10/1h batch 400ms | fired 30, mails 1, throttled 0, waiting 0");
        assertThat(journal.text()).contains("Mail rule boom fired: mail id1 queued with 30 event(s).");
    }

    @Test
    void throttledEventsArriveInTheNextAllowedMail() throws Exception {
        RuleEngine engine = engine(Map.of("rule.r.event", "client_refused", "rule.r.rate", "1/700ms",
                "rule.r.to", "desk@example.org"));
        for (int i = 0; i < 5; i++) {
            engine.accept(new DaemonEvent.ClientRefused(Instant.now(), "10.0.0." + i + ":99"));
        }
        List<OutgoingMail> mails = awaitMails(2, Duration.ofSeconds(3));
        assertThat(mails).hasSize(2);
        assertThat(mails.get(0).body()).contains("10.0.0.0:99").doesNotContain("10.0.0.1:99");
        assertThat(mails.get(1).body()).contains("10.0.0.1:99", "10.0.0.4:99", "4 of them waited for the rate limit (1/700ms)");
        assertThat(mails.get(1).to()).containsExactly("desk@example.org");
        assertThat(engine.states().getFirst().throttled()).isEqualTo(4);
    }

    @Test
    void shutdownFlushesAnOpenWindowAtOnce() {
        RuleEngine engine = engine(Map.of("rule.sig.event", "signal", "rule.sig.batch", "1h"));
        engine.accept(new DaemonEvent.SignalReceived(Instant.now(), "SIGTERM", 15));
        assertThat(queued).isEmpty();
        engine.flushAll();
        assertThat(queued).singleElement().satisfies(m -> assertThat(m.body()).contains("signal SIGTERM (15)"));
    }

    @Test
    void clientTextCannotInjectHeaders() {
        RuleEngine engine = engine(Map.of("rule.m.event", "message", "rule.m.subject", "{detail}"));
        engine.accept(new DaemonEvent.MessageReceived(Instant.now(), "p:1", "hi\r\nBcc: victim@example.org"));
        assertThat(queued).singleElement().satisfies(m -> {
            assertThat(m.subject()).doesNotContain("\r").doesNotContain("\n").contains("hi\\r\\nBcc");
            assertThat(m.body()).doesNotContain("\r\nBcc");
        });
    }
}

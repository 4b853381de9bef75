package mattdaemon.plugin.mail.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;

import mattdaemon.plugin.mail.config.RetryPolicy;

class OutboxRetriesUntilTheServerIsUp {
    @TempDir
    Path dir;
    final RecordingJournal journal = new RecordingJournal();

    /** An outbox sending to 127.0.0.1:{@code port} with {@code password}, retrying as told with delays in ms. */
    Outbox outbox(int port, String password, int attempts, long delay, long maxDelay, int limit) throws Exception {
        return new Outbox(new SmtpSender(SmtpServers.plain(port, dir, password), "d@box.example", "box"),
                new RetryPolicy(attempts, Duration.ofMillis(delay), Duration.ofMillis(maxDelay)), limit, journal);
    }

    static OutgoingMail mail(String subject) {
        return new OutgoingMail(List.of("ops@example.org"), subject, "body", Optional.empty());
    }

    void awaitLog(String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!journal.text().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in:\n" + journal.text());
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aMailQueuedWhileSmtpIsDownArrivesOnceItIsUp() throws Exception {
        int port = SmtpServers.freePort();
        Outbox outbox = outbox(port, SmtpServers.PASSWORD, 6, 300, 600, 10);
        long started = System.nanoTime();
        String id = outbox.submit(mail("while down")).orElseThrow();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("submit returns at once").isLessThan(Duration.ofMillis(200));
        awaitLog("Mail " + id + " attempt 1/6 failed: connection refused by 127.0.0.1:" + port + "; next try in 300ms.");
        assertThat(outbox.status()).singleElement().asString().contains(id, "attempt 1/6", "connection refused");
        GreenMail server = SmtpServers.greenMail(port);
        try {
            assertThat(server.waitForIncomingEmail(10_000, 1)).isTrue();
            assertThat(server.getReceivedMessages()[0].getSubject()).isEqualTo("while down");
            awaitLog("Mail " + id + " sent to ops@example.org.");
            assertThat(outbox.awaitEmpty(Duration.ofSeconds(2))).isTrue();
            assertThat(outbox.lastFailure()).isEmpty();
        } finally {
            server.stop();
        }
    }

    @Test
    void retriesEndWithALoggedFailure() throws Exception {
        int port = SmtpServers.freePort();
        Outbox outbox = outbox(port, SmtpServers.PASSWORD, 3, 50, 100, 10);
        String id = outbox.submit(mail("never")).orElseThrow();
        awaitLog("ERROR Mail " + id + " failed: connection refused by 127.0.0.1:" + port + " (3 attempts)");
        assertThat(journal.lines()).filteredOn(l -> l.contains(" attempt ")).hasSize(2);
        assertThat(outbox.lastFailure()).hasValueSatisfying(f -> assertThat(f.id()).isEqualTo(id));
    }

    @Test
    void permanentFailuresAreNotRetried() throws Exception {
        int port = SmtpServers.freePort();
        GreenMail server = SmtpServers.greenMail(port);
        try {
            Outbox outbox = outbox(port, "not-the-password", 5, 50, 50, 10);
            String id = outbox.submit(mail("refused")).orElseThrow();
            awaitLog("ERROR Mail " + id + " failed: login refused by 127.0.0.1:" + port);
            assertThat(journal.text()).doesNotContain(" attempt ").doesNotContain("not-the-password");
        } finally {
            server.stop();
        }
    }

    @Test
    void aFullQueueRefusesInsteadOfGrowing() throws Exception {
        int port = SmtpServers.freePort();
        Outbox outbox = outbox(port, SmtpServers.PASSWORD, 2, 5000, 5000, 2);
        assertThat(outbox.submit(mail("1"))).isPresent();
        assertThat(outbox.submit(mail("2"))).isPresent();
        assertThat(outbox.submit(mail("3"))).isEmpty();
        assertThat(outbox.size()).isEqualTo(2);
    }
}

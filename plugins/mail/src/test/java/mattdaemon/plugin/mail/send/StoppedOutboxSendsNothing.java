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

/** A stopped outbox (its plugin is replaced or removed) abandons its mails and ends its threads. */
class StoppedOutboxSendsNothing {
    @TempDir
    Path dir;
    final RecordingJournal journal = new RecordingJournal();

    @Test
    void aMailWaitingToRetryIsAbandonedAndNeverSent() throws Exception {
        int port = SmtpServers.freePort();
        Outbox outbox = new Outbox(new SmtpSender(SmtpServers.plain(port, dir, SmtpServers.PASSWORD), "d@box.example", "box"),
                new RetryPolicy(10, Duration.ofMillis(400), Duration.ofMillis(400)), 10, journal);
        String id = outbox.submit(new OutgoingMail(List.of("ops@example.org"), "old settings", "body", Optional.empty()))
                .orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!journal.text().contains("Mail " + id + " attempt 1/10 failed")) {
            assertThat(System.nanoTime()).as("first attempt logged:\n" + journal.text()).isLessThan(deadline);
            Thread.sleep(10);
        }

        outbox.stop(Duration.ofSeconds(2));

        assertThat(journal.text()).contains("ERROR Mail " + id + " failed: abandoned, the plugin is stopping");
        assertThat(outbox.size()).isZero();
        assertThat(outbox.submit(new OutgoingMail(List.of("ops@example.org"), "late", "body", Optional.empty())))
                .as("refused once stopped").isEmpty();
        GreenMail server = SmtpServers.greenMail(port);
        try {
            assertThat(server.waitForIncomingEmail(1_500, 1)).as("nothing arrives after the retry delay").isFalse();
        } finally {
            server.stop();
        }
    }
}

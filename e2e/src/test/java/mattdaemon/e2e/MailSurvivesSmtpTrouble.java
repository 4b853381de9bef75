package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * SMTP down, silent, refusing the login or unknown: the daemon answers at once, keeps serving,
 * retries what can succeed, says clearly what cannot, and never writes the password anywhere.
 */
class MailSurvivesSmtpTrouble {
    @TempDir
    Path dir;

    List<String> config(int port, String password, String... more) throws Exception {
        List<String> config = new ArrayList<>(MailSetup.plainSmtp(port, MailSetup.passwordFile(dir, password, "rw-------")));
        config.addAll(List.of(more));
        return config;
    }

    @Test
    void aMailQueuedWhileSmtpIsDownArrivesAfterARetry() throws Exception {
        int port = DaemonUnderTest.freePort();
        try (DaemonUnderTest daemon = MailSetup.daemon(dir, config(port, MailSetup.PASSWORD, "mail.retry.attempts = 20")
                .toArray(String[]::new)); TestClient client = daemon.connect()) {
            client.greeting();
            Instant asked = Instant.now();
            String id = MailSetup.queuedId(client.request("mail daemoninfo"));
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(2));
            daemon.awaitLogContaining("mail: Mail " + id + " attempt 1/20 failed: connection refused by 127.0.0.1:" + port);
            assertThat(client.request("mail status")).anyMatch(l -> l.startsWith("| " + id + ": to ops@example.org, attempt"));

            GreenMail smtp = MailSetup.smtpServer(ServerSetup.PROTOCOL_SMTP, port);
            try {
                assertThat(MailSetup.await(smtp, 1)[0].getSubject()).endsWith("report: daemoninfo");
                daemon.awaitLogContaining("mail: Mail " + id + " sent to ops@example.org.");
            } finally {
                smtp.stop();
            }
        }
    }

    @Test
    void aRefusedLoginIsLoggedAndReportedWithoutTheCredential() throws Exception {
        String wrong = "Wr0ng-but-Secret-pw";
        int port = DaemonUnderTest.freePort();
        GreenMail smtp = MailSetup.smtpServer(ServerSetup.PROTOCOL_SMTP, port);
        try (DaemonUnderTest daemon = MailSetup.daemon(dir, config(port, wrong).toArray(String[]::new));
             TestClient client = daemon.connect()) {
            client.greeting();
            String id = MailSetup.queuedId(client.request("mail daemoninfo"));
            String failed = daemon.awaitLogContaining("mail: Mail " + id + " failed: login refused by 127.0.0.1:" + port);
            assertThat(failed).contains("[ ERROR ]").doesNotContain("attempt");
            assertThat(client.request("mail check")).singleElement().asString()
                    .startsWith("-ERR SMTP login refused by 127.0.0.1:" + port + ": 535");
            assertThat(client.request("mail daemoninfo")).anyMatch(l -> l.startsWith("| warning: the last mail (" + id
                    + ") failed: login refused"));
            assertThat(client.request("mail status")).anyMatch(l -> l.startsWith("| last failure: mail "));
            assertThat(smtp.getReceivedMessages()).isEmpty();
            String log = Files.readString(daemon.logFile);
            assertThat(log).contains("login refused").doesNotContain(wrong)
                    .doesNotContain(Base64.getEncoder().encodeToString(wrong.getBytes()))
                    .doesNotContain(Base64.getEncoder().encodeToString(("\0" + MailSetup.USER + "\0" + wrong).getBytes()));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aSilentServerNeverStallsTheDaemon() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = silent.getLocalPort();
            try (DaemonUnderTest daemon = MailSetup.daemon(dir, config(port, MailSetup.PASSWORD, "mail.smtp.timeout = 1s",
                    "mail.retry.attempts = 2", "mail.rule.all.event = message", "mail.rule.all.rate = 1/1h",
                    "mail.shutdown_wait = 200ms").toArray(String[]::new));
                 TestClient client = daemon.connect()) {
                client.greeting();
                String id = MailSetup.queuedId(client.request("mail daemoninfo"));
                for (int i = 0; i < 5; i++) {
                    Instant asked = Instant.now();
                    assertThat(client.request("a message for the rule " + i)).containsExactly("+OK logged");
                    assertThat(client.request("daemoninfo")).last().asString().isEqualTo("+OK daemoninfo");
                    assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofMillis(500));
                }
                daemon.awaitLogContaining("mail: Mail " + id + " failed: no answer from 127.0.0.1:" + port + " within 1s");
                assertThat(daemon.alive()).isTrue();
            }
        }
    }

    @Test
    void anUnknownHostIsNamedInTheReplyAndTheLog() throws Exception {
        try (DaemonUnderTest daemon = MailSetup.daemon(dir, config(25, MailSetup.PASSWORD,
                "mail.smtp.host = no-such-host.invalid", "mail.retry.attempts = 1").toArray(String[]::new));
             TestClient client = daemon.connect()) {
            client.greeting();
            assertThat(client.request("mail check")).containsExactly("-ERR SMTP unknown host no-such-host.invalid");
            String id = MailSetup.queuedId(client.request("mail daemoninfo"));
            daemon.awaitLogContaining("mail: Mail " + id + " failed: unknown host no-such-host.invalid");
        }
    }

    @Test
    void aPasswordFileOthersCanReadStopsThePlugin() throws Exception {
        List<String> config = new ArrayList<>(MailSetup.plainSmtp(DaemonUnderTest.freePort(),
                MailSetup.passwordFile(dir, MailSetup.PASSWORD, "rw-r--r--")));
        try (DaemonUnderTest daemon = MailSetup.daemon(dir, config.toArray(String[]::new));
             TestClient client = daemon.connect()) {
            client.greeting();
            String line = daemon.awaitLogContaining("Plugin mail failed to load");
            assertThat(line).contains("[ ERROR ]", "smtp.password_file", "is open to group or others (mode rw-r--r--)",
                    "chmod 600");
            assertThat(client.request("mail daemoninfo")).as("no mail command: an ordinary message").containsExactly("+OK logged");
            assertThat(Files.readString(daemon.logFile)).doesNotContain(MailSetup.PASSWORD);
        }
    }
}

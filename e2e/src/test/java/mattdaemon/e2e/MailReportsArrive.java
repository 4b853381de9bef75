package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** {@code mail <reports> [to <address>]} in a live daemon: queued at once, delivered over SMTP with login. */
class MailReportsArrive {
    @TempDir
    static Path dir;
    static GreenMail smtp;
    static DaemonUnderTest daemon;

    @BeforeAll
    static void start() throws Exception {
        int port = DaemonUnderTest.freePort();
        smtp = MailSetup.smtpServer(ServerSetup.PROTOCOL_SMTP, port);
        List<String> config = new ArrayList<>(MailSetup.plainSmtp(port, MailSetup.passwordFile(dir, MailSetup.PASSWORD, "rw-------")));
        config.add("mail.allowed_to = @example.net");
        daemon = MailSetup.daemon(dir, config.toArray(String[]::new));
        daemon.awaitLogContaining("Plugin loaded: mail 1.0.0 (mattdaemon.plugin.mail).");
    }

    @AfterAll
    static void stop() throws Exception {
        daemon.close();
        smtp.stop();
    }

    /** Forgets the mails of earlier tests (and, with them, the server's users). */
    static void emptyMailbox() {
        smtp.reset();
        smtp.setUser(MailSetup.USER + "@example.org", MailSetup.USER, MailSetup.PASSWORD);
    }

    @Test
    void aReportMailHoldsTheReportsAndTheLog() throws Exception {
        emptyMailbox();
        try (TestClient client = daemon.connect()) {
            client.greeting();
            List<String> reply = client.request("mail daemoninfo machinfo");
            assertThat(reply).containsSubsequence("| to: ops@example.org", "| reports: daemoninfo, machinfo");
            String id = MailSetup.queuedId(reply);
            daemon.awaitLogContaining("mail: Mail " + id + " sent to ops@example.org.");

            MimeMessage message = MailSetup.await(smtp, 1)[0];
            assertThat(message.getSubject()).isEqualTo("[Matt_daemon " + MailSetup.hostName() + "] report: daemoninfo, machinfo");
            assertThat(message.getFrom()[0].toString()).isEqualTo("daemon@box.example");
            assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                    .containsExactly("ops@example.org");
            MimeMultipart parts = (MimeMultipart) message.getContent();
            String body = parts.getBodyPart(0).getContent().toString();
            assertThat(body).contains("== daemoninfo ==", "pid: " + daemon.pid(), "port: " + daemon.port,
                    "== machinfo ==", "machinfo: not loaded");
            Part log = parts.getBodyPart(1);
            assertThat(log.getFileName()).isEqualTo("matt_daemon.log");
            assertThat(new String(log.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("Matt_daemon: Started.", "Request mail daemoninfo machinfo.");
        }
    }

    @Test
    void allGoesToAnAllowedAddressGiven() throws Exception {
        emptyMailbox();
        try (TestClient client = daemon.connect()) {
            client.greeting();
            client.request("a line for the log");
            String id = MailSetup.queuedId(client.request("mail all to boss@example.net"));
            daemon.awaitLogContaining("mail: Mail " + id + " sent to boss@example.net.");
            MimeMessage message = MailSetup.await(smtp, 1)[0];
            assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                    .containsExactly("boss@example.net");
            String body = ((MimeMultipart) message.getContent()).getBodyPart(0).getContent().toString();
            assertThat(body).contains("== daemoninfo ==", "machinfo: not loaded", "servinfo: not loaded",
                    "== daemonlogs ==", "User input: a line for the log");
        }
    }

    @Test
    void badRequestsAreRefusedAtOnce() throws Exception {
        try (TestClient client = daemon.connect()) {
            client.greeting();
            assertThat(client.request("mail daemoninfo to not-an-address")).last().asString()
                    .startsWith("-ERR ADDRESS bad address 'not-an-address'");
            assertThat(client.request("mail daemoninfo to thief@evil.example")).containsExactly(
                    "-ERR DENIED thief@evil.example is not allowed; see mail.allowed_to");
            assertThat(client.request("mail weather")).last().asString().startsWith("-ERR USAGE unknown report 'weather'");
            assertThat(client.request("mail")).last().asString().startsWith("-ERR USAGE mail <daemoninfo|");
        }
    }

    @Test
    void checkLogsInAndStatusShowsTheQueue() throws Exception {
        try (TestClient client = daemon.connect()) {
            client.greeting();
            assertThat(client.request("mail check")).containsExactly(
                    "+OK SMTP 127.0.0.1:" + smtp.getSmtp().getPort() + " accepts the connection and the login");
            assertThat(client.request("mail status")).last().asString().matches("\\+OK \\d+ mail\\(s\\) queued");
            assertThat(client.request("help")).anyMatch(l -> l.startsWith("| mail "));
        }
    }

    @Test
    void thePasswordNeverReachesTheLog() throws Exception {
        try (TestClient client = daemon.connect()) {
            client.greeting();
            client.request("mail check");
            client.request("mail rules");
        }
        assertThat(Files.readString(daemon.logFile)).doesNotContain(MailSetup.PASSWORD)
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(MailSetup.PASSWORD.getBytes()));
    }
}

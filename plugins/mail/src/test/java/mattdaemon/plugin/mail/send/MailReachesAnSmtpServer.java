package mattdaemon.plugin.mail.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

class MailReachesAnSmtpServer {
    @TempDir
    Path dir;
    GreenMail server;
    int port;

    @BeforeEach
    void start() throws Exception {
        port = SmtpServers.freePort();
        server = SmtpServers.greenMail(port);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void bodySubjectRecipientsAndAttachmentArrive() throws Exception {
        Path log = Files.writeString(dir.resolve("matt_daemon.log"), "line one\nline two: é\n");
        SmtpSender sender = new SmtpSender(SmtpServers.plain(port, dir, SmtpServers.PASSWORD), "daemon@box.example", "box");
        sender.send(new OutgoingMail(List.of("ops@example.org", "desk@example.org"), "report: daemoninfo",
                "== daemoninfo ==\npid: 42\n", Optional.of(new Attachment("matt_daemon.log", log, 1024))));

        assertThat(server.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage message = server.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("report: daemoninfo");
        assertThat(message.getFrom()[0].toString()).isEqualTo("daemon@box.example");
        assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("ops@example.org", "desk@example.org");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getBodyPart(0).getContent().toString()).contains("pid: 42");
        Part file = parts.getBodyPart(1);
        assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(file.getFileName()).isEqualTo("matt_daemon.log");
        assertThat(new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("line one\nline two: é\n");
    }

    @Test
    void aLargeLogIsCutToItsEnd() throws Exception {
        Path log = Files.writeString(dir.resolve("big.log"), "old ".repeat(1000) + "THE END");
        new SmtpSender(SmtpServers.plain(port, dir, SmtpServers.PASSWORD), "d@box.example", "box")
                .send(new OutgoingMail(List.of("ops@example.org"), "s", "b", Optional.of(new Attachment("big.log", log, 20))));
        assertThat(server.waitForIncomingEmail(5000, 1)).isTrue();
        Part file = ((MimeMultipart) server.getReceivedMessages()[0].getContent()).getBodyPart(1);
        assertThat(new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).hasSize(20).endsWith("THE END");
    }

    @Test
    void aWrongPasswordIsAPermanentFailureThatNeverShowsIt() throws Exception {
        String wrong = "Wr0ng-Passw0rd-unique";
        SmtpSender sender = new SmtpSender(SmtpServers.plain(port, dir, wrong), "d@box.example", "box");
        assertThatThrownBy(() -> sender.send(new OutgoingMail(List.of("ops@example.org"), "s", "b", Optional.empty())))
                .isInstanceOfSatisfying(SendFailure.class, f -> {
                    assertThat(f.permanent()).isTrue();
                    assertThat(f.getMessage()).startsWith("login refused by 127.0.0.1:" + port + ": 535")
                            .doesNotContain(wrong).doesNotContain(SmtpServers.PASSWORD);
                });
        assertThatThrownBy(sender::check).isInstanceOf(SendFailure.class).hasMessageStartingWith("login refused");
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void checkLogsInWithoutSending() throws Exception {
        new SmtpSender(SmtpServers.plain(port, dir, SmtpServers.PASSWORD), "d@box.example", "box").check();
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void requiredStarttlsIsNeverSkipped() throws Exception {
        // GreenMail offers no STARTTLS: a sender told to use it must refuse to go on in clear text
        SmtpSender sender = new SmtpSender(SmtpServers.plain(port, dir, SmtpServers.PASSWORD, "smtp.security", "starttls"),
                "d@box.example", "box");
        assertThatThrownBy(() -> sender.send(new OutgoingMail(List.of("ops@example.org"), "s", "b", Optional.empty())))
                .isInstanceOfSatisfying(SendFailure.class, f -> {
                    assertThat(f.permanent()).isTrue();
                    assertThat(f.getMessage()).contains("does not offer STARTTLS");
                });
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void aSilentServerCostsOnlyTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            // accepts connections (the kernel does) but never greets
            SmtpSender sender = new SmtpSender(SmtpServers.plain(silent.getLocalPort(), dir, SmtpServers.PASSWORD,
                    "smtp.timeout", "300ms"), "d@box.example", "box");
            long started = System.nanoTime();
            assertThatThrownBy(() -> sender.send(new OutgoingMail(List.of("ops@example.org"), "s", "b", Optional.empty())))
                    .isInstanceOfSatisfying(SendFailure.class, f -> {
                        assertThat(f.permanent()).isFalse();
                        assertThat(f.getMessage()).isEqualTo("no answer from 127.0.0.1:" + silent.getLocalPort()
                                + " within 300ms");
                    });
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3000);
        }
    }

    @Test
    void anUnknownHostIsNamed() throws Exception {
        SmtpSender sender = new SmtpSender(SmtpServers.plain(port, dir, SmtpServers.PASSWORD,
                "smtp.host", "no-such-host.invalid"), "d@box.example", "box");
        assertThatThrownBy(sender::check).hasMessage("unknown host no-such-host.invalid");
    }
}

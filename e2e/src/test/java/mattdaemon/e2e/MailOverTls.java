package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * Mail over SMTPS and STARTTLS, the server's certificate trusted through {@code mail.smtp.ca_file}
 * with the host name checked; without it, a self-signed server is refused.
 */
class MailOverTls {
    @TempDir
    Path dir;

    List<String> tlsConfig(int port, String security, boolean trust) throws Exception {
        List<String> config = new ArrayList<>(List.of("mail.smtp.host = 127.0.0.1", "mail.smtp.port = " + port,
                "mail.smtp.security = " + security, "mail.smtp.user = " + MailSetup.USER,
                "mail.smtp.password_file = " + MailSetup.passwordFile(dir, MailSetup.PASSWORD, "rw-------"),
                "mail.to = ops@example.org", "mail.smtp.timeout = 3s", "mail.retry.attempts = 2", "mail.retry.delay = 200ms"));
        if (trust) {
            config.add("mail.smtp.ca_file = " + TestCertificate.get().pem);
        }
        return config;
    }

    @Test
    void smtpsWithTheServersCertificateTrusted() throws Exception {
        int port = DaemonUnderTest.freePort();
        GreenMail smtps = MailSetup.smtpServer(ServerSetup.PROTOCOL_SMTPS, port);
        try (DaemonUnderTest daemon = MailSetup.daemon(dir, tlsConfig(port, "smtps", true).toArray(String[]::new));
             TestClient client = daemon.connect()) {
            client.greeting();
            assertThat(client.request("mail check")).containsExactly(
                    "+OK SMTP 127.0.0.1:" + port + " accepts the connection and the login");
            String id = MailSetup.queuedId(client.request("mail daemoninfo"));
            daemon.awaitLogContaining("mail: Mail " + id + " sent to ops@example.org.");
            MimeMessage message = MailSetup.await(smtps, 1)[0];
            assertThat(message.getSubject()).endsWith("report: daemoninfo");
        } finally {
            smtps.stop();
        }
    }

    @Test
    void starttlsUpgradesBeforeTheLogin() throws Exception {
        int backendPort = DaemonUnderTest.freePort();
        GreenMail smtp = MailSetup.smtpServer(ServerSetup.PROTOCOL_SMTP, backendPort);
        try (StartTlsFront front = new StartTlsFront(backendPort, TestCertificate.get().serverContext());
             DaemonUnderTest daemon = MailSetup.daemon(dir, tlsConfig(front.port(), "starttls", true).toArray(String[]::new));
             TestClient client = daemon.connect()) {
            client.greeting();
            String id = MailSetup.queuedId(client.request("mail daemoninfo to ops@example.org"));
            daemon.awaitLogContaining("mail: Mail " + id + " sent to ops@example.org.");
            assertThat(MailSetup.await(smtp, 1)[0].getSubject()).endsWith("report: daemoninfo");
            // the front refuses everything but EHLO/STARTTLS in clear, so the login went over TLS
            assertThat(front.upgraded()).isEqualTo(1);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedClearly() throws Exception {
        int port = DaemonUnderTest.freePort();
        GreenMail smtps = MailSetup.smtpServer(ServerSetup.PROTOCOL_SMTPS, port);
        try (DaemonUnderTest daemon = MailSetup.daemon(dir, tlsConfig(port, "smtps", false).toArray(String[]::new));
             TestClient client = daemon.connect()) {
            client.greeting();
            assertThat(client.request("mail check")).containsExactly("-ERR SMTP TLS certificate of 127.0.0.1:" + port
                    + " is not trusted; trust it with mail.smtp.ca_file");
            String id = MailSetup.queuedId(client.request("mail daemoninfo"));
            daemon.awaitLogContaining("mail: Mail " + id + " failed: TLS certificate of 127.0.0.1:" + port + " is not trusted");
            assertThat(smtps.getReceivedMessages()).isEmpty();
            assertThat(client.request("mail daemoninfo")).contains("| warning: the last mail (" + id
                    + ") failed: TLS certificate of 127.0.0.1:" + port + " is not trusted; trust it with mail.smtp.ca_file");
        } finally {
            smtps.stop();
        }
    }
}

package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Mail rules in a live daemon: a flood of matching messages becomes one batched mail, the rate
 * limit holds back the next flood, other events (client refused, command failure, wrong
 * password, signal, shutdown) fire their rules, and what is held is sent when the daemon stops.
 */
class MailRulesFire {
    @TempDir
    Path dir;

    static String content(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static MimeMessage withSubject(MimeMessage[] messages, String part) throws Exception {
        for (MimeMessage m : messages) {
            if (m.getSubject().contains(part)) {
                return m;
            }
        }
        throw new AssertionError("no mail about " + part + " in " + Arrays.stream(messages).map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                return "?";
            }
        }).toList());
    }

    @Test
    void rulesFireThrottleAndBatch() throws Exception {
        int port = DaemonUnderTest.freePort();
        GreenMail smtp = MailSetup.smtpServer(ServerSetup.PROTOCOL_SMTP, port);
        List<String> config = new ArrayList<>(MailSetup.plainSmtp(port, MailSetup.passwordFile(dir, MailSetup.PASSWORD, "rw-------")));
        config.addAll(List.of("max_clients = 1",
                "mail.rule.boom.event = message", "mail.rule.boom.match = ^boom", "mail.rule.boom.batch = 500ms",
                "mail.rule.boom.rate = 1/1h", "mail.rule.boom.subject = {count} x {event} on {host}: {detail}",
                "mail.rule.full.event = client_refused", "mail.rule.full.to = desk@example.org",
                "mail.rule.kaput.event = plugin_failure", "mail.rule.kaput.match = ^kaput$",
                "mail.rule.sig.event = signal", "mail.rule.sig.match = SIGTERM", "mail.rule.sig.batch = 1h",
                "mail.rule.bye.event = shutdown"));
        String host = MailSetup.hostName();
        try (DaemonUnderTest daemon = MailSetup.daemon(dir, config.toArray(String[]::new))) {
            try (TestClient client = daemon.connect()) {
                client.greeting();
                String peer = "127.0.0.1:" + client.socket().getLocalPort();
                for (int i = 0; i < 20; i++) {
                    client.send("boom " + i);
                    client.send("calm " + i);
                }
                for (int i = 0; i < 40; i++) {
                    client.readReply();
                }
                daemon.awaitLogContaining("mail: Mail rule boom fired: mail ");
                MimeMessage flood = MailSetup.await(smtp, 1)[0];
                assertThat(flood.getSubject()).isEqualTo("20 x message on " + host + ": message from " + peer + ": boom 0");
                assertThat(content(flood)).contains("boom 0", "boom 19").doesNotContain("calm");
                assertThat(daemon.logLines()).filteredOn(l -> l.contains("Mail rule boom fired")).singleElement()
                        .asString().endsWith("queued with 20 event(s).");

                // the rate (1/1h) is spent: the next flood is held, counted, and not mailed
                for (int i = 20; i < 25; i++) {
                    client.request("boom " + i);
                }
                Thread.sleep(800);
                assertThat(client.request("mail rules")).contains(
                        "| boom: event message match /^boom/ rate 1/1h batch 500ms | fired 25, mails 1, throttled 5, waiting 5");

                // a second client finds the only slot taken
                try (TestClient refused = daemon.connect()) {
                    assertThat(refused.readLine()).startsWith("-ERR MAXCLIENTS");
                }
                MimeMessage full = withSubject(MailSetup.await(smtp, 2), "client_refused");
                assertThat(full.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                        .containsExactly("desk@example.org");

                // a command that throws fires the plugin_failure rule
                Path kaput = new PluginBuilder(Files.createDirectories(dir.resolve("build")))
                        .command("kaput", "1.0", "throw new IllegalStateException(\"kaput\");", "");
                PluginBuilder.install(daemon.pluginDir, "kaput", kaput);
                daemon.awaitLogContaining("Plugin loaded: kaput");
                assertThat(client.request("kaput")).last().asString().startsWith("-ERR PLUGIN");
                assertThat(content(withSubject(MailSetup.await(smtp, 3), "plugin_failure"))).contains("command kaput failed");
                assertThat(smtp.getReceivedMessages()).hasSize(3);
            }
            daemon.signal("TERM");
            assertThat(daemon.awaitExit(Duration.ofSeconds(10))).isTrue();
            // at shutdown: the signal's open batch, the shutdown itself, and the held flood
            MimeMessage[] all = MailSetup.await(smtp, 6);
            assertThat(content(withSubject(all, "signal"))).contains("signal SIGTERM (15)");
            assertThat(content(withSubject(all, "shutdown"))).contains("shutting down: SIGTERM");
            assertThat(content(withSubject(all, "5 x message"))).contains("boom 20", "boom 24",
                    "5 of them waited for the rate limit (1/1h)");
            assertThat(Files.readString(daemon.logFile)).doesNotContain(MailSetup.PASSWORD);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void wrongPasswordsAreMailedInOneBatch() throws Exception {
        int port = DaemonUnderTest.freePort();
        GreenMail smtp = MailSetup.smtpServer(ServerSetup.PROTOCOL_SMTP, port);
        List<String> config = new ArrayList<>(MailSetup.plainSmtp(port, MailSetup.passwordFile(dir, MailSetup.PASSWORD, "rw-------")));
        config.addAll(List.of("mail.rule.intruder.event = auth_failure", "mail.rule.intruder.batch = 2s"));
        List<String> peers;
        try (DaemonUnderTest daemon = MailSetup.daemon(dir, config.toArray(String[]::new))) {
            try (TestClient admin = daemon.connect()) {
                admin.greeting();
                assertThat(admin.request("daemonpass the-daemon-password")).containsExactly("+OK protection on");
            }
            try (TestClient one = daemon.connect(); TestClient two = daemon.connect()) {
                one.greeting();
                two.greeting();
                // two clients at once: the daemon delays each client after a wrong password, so one
                // client's failures would come further apart than the batch window
                one.send("auth guess-one");
                two.send("auth guess-two");
                assertThat(one.readReply()).last().asString().startsWith("-ERR AUTH wrong password");
                assertThat(two.readReply()).last().asString().startsWith("-ERR AUTH wrong password");
                peers = List.of("127.0.0.1:" + one.socket().getLocalPort(), "127.0.0.1:" + two.socket().getLocalPort());
            }
            MimeMessage mail = MailSetup.await(smtp, 1)[0];
            assertThat(mail.getSubject()).contains("auth_failure x2");
            assertThat(content(mail)).contains("wrong password from " + peers.get(0) + " (attempt 1)",
                    "wrong password from " + peers.get(1) + " (attempt 1)").doesNotContain("guess");
        } finally {
            smtp.stop();
        }
    }
}

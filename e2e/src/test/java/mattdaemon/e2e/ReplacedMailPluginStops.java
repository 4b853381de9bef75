package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The mail plugin has a life cycle: when it is replaced, the old plugin's retry and batch
 * threads end (a thread dump of the daemon, virtual threads included, shows none of them) and
 * the mail it still held is abandoned, never sent with the old settings.
 */
class ReplacedMailPluginStops {
    @TempDir
    Path dir;

    /** The daemon's threads, virtual ones included, as {@code jcmd Thread.dump_to_file} writes them. */
    static String threadDump(DaemonUnderTest daemon, Path dir, String name) throws Exception {
        Path file = dir.resolve(name + ".txt");
        PluginReloadDoesNotLeak.jcmd(daemon, "Thread.dump_to_file -format=text " + file);
        return Files.readString(file);
    }

    @Test
    void aReplacedMailPluginLeavesNoThreadAndSendsNothingOld() throws Exception {
        int port = DaemonUnderTest.freePort();
        List<String> config = new ArrayList<>(MailSetup.plainSmtp(port, MailSetup.passwordFile(dir, MailSetup.PASSWORD, "rw-------")));
        config.addAll(List.of("mail.retry.attempts = 30", "mail.retry.delay = 1s", "mail.retry.max_delay = 1s",
                "mail.rule.held.event = message", "mail.rule.held.match = held", "mail.rule.held.batch = 1h"));
        try (DaemonUnderTest daemon = MailSetup.daemon(dir, config.toArray(String[]::new));
             TestClient client = daemon.connect()) {
            client.greeting();
            daemon.awaitLogContaining("Plugin loaded: mail");
            String id = MailSetup.queuedId(client.request("mail daemoninfo"));
            daemon.awaitLogContaining("Mail " + id + " attempt 1/30 failed");
            assertThat(client.request("held back for an hour")).containsExactly("+OK logged");
            daemon.awaitLogContaining("User input: held back for an hour");
            String before = awaitDump(daemon, dir, d -> d.contains("mail-rule-held"));
            assertThat(before).as("the dump shows the plugin's virtual threads").contains("\"mail-" + id + "\"",
                    "\"mail-rule-held\"", "mattdaemon.plugin.mail");

            try (Stream<Path> jars = Files.list(MailSetup.MAIL_PLUGIN)) {
                PluginBuilder.install(daemon.pluginDir, "mail", jars.filter(p -> p.toString().endsWith(".jar")).toArray(Path[]::new));
            }
            daemon.awaitLogContaining("Plugin reloaded: mail");
            daemon.awaitLogContaining("Mail " + id + " failed: abandoned, the plugin is stopping");

            String after = threadDump(daemon, dir, "after");
            assertThat(after).doesNotContain("\"mail-" + id + "\"", "\"mail-rule-held\"");
            assertThat(after).as("the new plugin is idle: any frame of the plugin would be the old one's")
                    .doesNotContain("mattdaemon.plugin.mail");

            GreenMail smtp = MailSetup.smtpServer("smtp", port);
            try {
                assertThat(smtp.waitForIncomingEmail(3_000, 1)).as("the old mail is never sent (retry delay 1 s)").isFalse();
                assertThat(client.request("mail daemoninfo").getLast()).startsWith("+OK queued ");
                assertThat(MailSetup.await(smtp, 1)).as("only the new plugin's mail arrives").hasSize(1);
            } finally {
                smtp.stop();
            }
            assertThat(daemon.logLines()).noneMatch(l -> l.contains("Mail " + id + " sent"));
        }
    }

    private static String awaitDump(DaemonUnderTest daemon, Path dir, java.util.function.Predicate<String> ready)
            throws Exception {
        for (int i = 0; ; i++) {
            String dump = threadDump(daemon, dir, "before-" + i);
            if (ready.test(dump) || i == 50) {
                return dump;
            }
            Thread.sleep(100);
        }
    }
}

package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More calls spinning on the CPU, ignoring interrupts, than the machine has cores: the daemon
 * still answers everyone else at once, refuses the stuck plugin, lets it be replaced, and stops
 * on SIGTERM within two seconds.
 */
class RunawayPluginsCannotFreezeTheDaemon {
    private static final Duration PROMPT = Duration.ofMillis(100);

    @TempDir
    Path dir;

    @Test
    void spinningCallsLeaveTheDaemonResponsive() throws Exception {
        int spinners = Runtime.getRuntime().availableProcessors() + 2;
        PluginBuilder build = new PluginBuilder(Files.createDirectories(dir.resolve("build")));
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir.resolve("daemon"))
                .with("--max-clients", String.valueOf(spinners + 2)).start()) {
            PluginBuilder.install(daemon.pluginDir, "spin", build.command("spin", "1.0",
                    "long n = 0; while (n >= 0) { n++; } return Reply.ok(\"overflowed\");",
                    "public java.time.Duration timeLimit() { return java.time.Duration.ofMillis(500); }"));
            List<TestClient> spinning = new ArrayList<>();
            try (TestClient other = daemon.connect()) {
                other.greeting();
                assertThat(other.request("help").getLast()).startsWith("+OK");
                assertThat(other.request("daemoninfo").getLast()).isEqualTo("+OK daemoninfo"); // measured warm, below
                for (int i = 0; i < spinners; i++) {
                    TestClient client = daemon.connect();
                    spinning.add(client);
                    client.greeting();
                    client.send("spin");
                }
                for (TestClient client : spinning) {
                    assertThat(client.readReply()).containsExactly("-ERR PLUGIN spin timed out after 500 ms");
                }
                daemon.awaitLog(l -> l.contains("Command spin is stuck"), Duration.ofSeconds(5));

                List<Duration> replyTimes = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    long start = System.nanoTime();
                    List<String> info = other.request("daemoninfo");
                    replyTimes.add(Duration.ofNanos(System.nanoTime() - start));
                    assertThat(info).anyMatch(l -> l.matches("\\| stuck plugin call: spin \\(test\\.spin\\) running for \\d+ s"));
                }
                assertThat(replyTimes).as("daemoninfo reply times").allMatch(t -> t.compareTo(PROMPT) < 0);
                long start = System.nanoTime();
                assertThat(spinning.getFirst().request("spin")).singleElement().asString()
                        .startsWith("-ERR PLUGIN spin busy: a call to test.spin is still running past its time limit");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPT);
                try (TestClient newcomer = daemon.connect()) {
                    start = System.nanoTime();
                    newcomer.greeting();
                    assertThat(newcomer.request("hello")).containsExactly("+OK logged");
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPT);
                }

                PluginBuilder.install(daemon.pluginDir, "spin", build.command("spin", "2.0", "return Reply.ok(\"calm\");", ""));
                daemon.awaitLogContaining("Plugin reloaded: spin 2.0");
                other.request("help");
                assertThat(other.request("spin")).containsExactly("+OK calm");
            } finally {
                for (TestClient client : spinning) {
                    client.close();
                }
            }
            assertThat(daemon.logLines()).filteredOn(l -> l.contains("Command spin is stuck")).hasSize(1);

            long stop = System.nanoTime();
            daemon.signal("TERM");
            assertThat(daemon.awaitExit(Duration.ofSeconds(10))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - stop)).as("SIGTERM to exit").isLessThan(Duration.ofSeconds(2));
            assertThat(daemon.logLines().getLast()).endsWith("Matt_daemon: Quitting.");
        }
    }
}

package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example plugin of module-info-docs, built on its own against the api jar, runs in a live daemon. */
class ThirdPartyPluginRuns {
    static final Path EXAMPLE = DaemonUnderTest.DIST.resolveSibling("module-info-docs/example-plugin/target");

    @TempDir
    Path dir;

    @Test
    void exampleMsgstatsCountsMessagesAndReadsItsSetting() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(EXAMPLE)) {
            jar = files.filter(p -> p.getFileName().toString().matches("msgstats-.*\\.jar")).findFirst().orElseThrow();
        }
        Path config = Files.writeString(dir.resolve("matt_daemon.conf"), "msgstats.top = 1\n");
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).with("--config", config.toString()).start();
             TestClient client = daemon.connect()) {
            client.greeting();
            PluginBuilder.install(daemon.pluginDir, "msgstats", jar);
            daemon.awaitLogContaining("Plugin loaded: msgstats 1.0.0 (com.example.msgstats).");
            daemon.awaitLogContaining("msgstats: counting messages, listing the top 1 clients");
            client.request("one");
            client.request("two");
            Thread.sleep(100); // events reach listeners on the daemon's event thread
            assertThat(client.request("msgstats")).containsExactly("| 127.0.0.1: 2", "+OK 2 messages");
        }
    }
}

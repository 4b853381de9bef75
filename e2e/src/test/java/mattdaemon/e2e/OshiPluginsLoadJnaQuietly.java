package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JNA's native library loads inside each OSHI plugin's own module layer, from the copies shipped
 * in dist/native, with nothing printed:
 * the daemon enables native access for the layer (the command line flag covers the boot layer
 * only), so the JDK has no "restricted method" warning to give, and SLF4J has its NOP provider.
 * The daemon runs in the foreground here, so its stderr, where the JDK warns, can be read.
 */
class OshiPluginsLoadJnaQuietly {

    @Test
    void bothPluginsAnswerAndStderrStaysEmpty(@TempDir Path dir) throws Exception {
        DaemonUnderTest paths = new DaemonUnderTest(dir);
        ShippedPlugins.install(paths.pluginDir, "machinfo");
        ShippedPlugins.install(paths.pluginDir, "servinfo");
        File stdout = dir.resolve("stdout").toFile();
        File stderr = dir.resolve("stderr").toFile();
        Process daemon = new ProcessBuilder(paths.command("--foreground"))
                .redirectInput(new File("/dev/null")).redirectOutput(stdout).redirectError(stderr).start();
        try {
            paths.awaitLog(l -> l.contains("started. PID: " + daemon.pid()), Duration.ofSeconds(30));
            try (TestClient client = paths.connect()) {
                client.greeting();
                assertThat(client.request("machinfo cpu").getLast()).isEqualTo("+OK 1 section");
                assertThat(client.request("servinfo").getLast()).startsWith("+OK ");
            }
            // one libjnidispatch per plugin layer, each its own copy shipped in dist/native
            List<String> jnaMappings = Files.readAllLines(Path.of("/proc", String.valueOf(daemon.pid()), "maps")).stream()
                    .filter(l -> l.contains("jnidispatch")).map(l -> l.substring(l.indexOf('/'))).distinct().toList();
            assertThat(jnaMappings).hasSize(2)
                    .allMatch(path -> path.startsWith(DaemonUnderTest.DIST.resolve("native") + "/"));
            assertThat(Files.readString(stderr.toPath())).isEmpty();
            assertThat(Files.readString(stdout.toPath())).isEmpty();
            assertThat(paths.logLines()).noneMatch(l -> l.contains("[ ERROR ]"));
        } finally {
            daemon.destroy();
            if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor();
            }
        }
    }
}

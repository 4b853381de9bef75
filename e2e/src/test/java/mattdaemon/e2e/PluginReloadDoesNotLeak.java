package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty replacements of a plugin leave one copy of its classes in the daemon: each old module
 * layer, with its class loader, is collected. Reports the heap figures it measured.
 */
class PluginReloadDoesNotLeak {
    static final int CYCLES = 50;
    static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    @TempDir
    Path dir;

    @Test
    void fiftyReloadsKeepOneCopyOfThePluginClasses() throws Exception {
        PluginBuilder build = new PluginBuilder(Files.createDirectories(dir.resolve("build")));
        // a plugin holding 1 MiB per instance makes a leaked layer visible in the heap too
        String ballast = "private final byte[] ballast = new byte[1 << 20];";
        Path[] versions = {build.command("leak", "1.0", "return Reply.ok(\"v1 \" + ballast.length);", ballast),
                build.command("leak", "2.0", "return Reply.ok(\"v2 \" + ballast.length);", ballast)};
        try (DaemonUnderTest daemon = new DaemonUnderTest(Files.createDirectories(dir.resolve("d"))).start();
             TestClient client = daemon.connect()) {
            client.greeting();
            PluginBuilder.install(daemon.pluginDir, "leak", versions[0]);
            client.request("help");
            long before = heapUsedAfterGc(daemon);
            for (int i = 1; i <= CYCLES; i++) {
                PluginBuilder.install(daemon.pluginDir, "leak", versions[i % 2]);
                client.request("help"); // rescans now; the folder watcher may also have done it
                assertThat(client.request("leak")).containsExactly("+OK v" + (i % 2 + 1) + " 1048576");
            }
            long after = heapUsedAfterGc(daemon);
            long copies = jcmd(daemon, "GC.class_histogram").lines().filter(l -> l.contains(" test.leak.TheCommand ")).count();
            System.out.printf("plugin reload: heap used after GC %d KiB before, %d KiB after %d reloads (%+d KiB)%n",
                    before / 1024, after / 1024, CYCLES, (after - before) / 1024);
            assertThat(copies).as("loaded copies of the plugin's command class").isEqualTo(1);
            assertThat(after - before).as("heap growth over " + CYCLES + " reloads").isLessThan(8L << 20);
            assertThat(daemon.logLines().stream().filter(l -> l.contains("Plugin reloaded: leak")).count())
                    .isGreaterThanOrEqualTo(CYCLES);
        }
    }

    static long heapUsedAfterGc(DaemonUnderTest daemon) throws Exception {
        jcmd(daemon, "GC.run");
        String info = jcmd(daemon, "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        long total = 0;
        while (used.find()) {
            total += Long.parseLong(used.group(1)) * 1024;
        }
        // the metaspace line also says "used"; keep only the generations
        Matcher meta = Pattern.compile("Metaspace\\s+used (\\d+)K").matcher(info);
        if (meta.find()) {
            total -= Long.parseLong(meta.group(1)) * 1024;
        }
        Matcher klass = Pattern.compile("class space\\s+used (\\d+)K").matcher(info);
        if (klass.find()) {
            total -= Long.parseLong(klass.group(1)) * 1024;
        }
        return total;
    }

    static String jcmd(DaemonUnderTest daemon, String command) throws Exception {
        DaemonUnderTest.Launch run = DaemonUnderTest.Launch.run(
                List.of(JCMD.toString(), String.valueOf(daemon.pid()), command), Duration.ofSeconds(60));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run.stdout();
    }
}

package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the system libraries cannot work (here JNA cannot unpack its native library: its temporary
 * folder is under a regular file), machinfo and servinfo answer {@code -ERR SYSINFO <reason>},
 * the reason is logged, what needs no native code still answers, and the daemon serves on.
 */
class SysinfoFailuresAreErrorReplies {

    @Test
    void jnaFailingToLoadIsASysinfoErrorNotACrash(@TempDir Path dir) throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(Files.createDirectories(dir.resolve("daemon")))
                // JNA never unpacks its library (a root daemon must not load code from a temp
                // folder): it loads from the installed tree, so a missing file there is the failure
                .withEnvironment("DAEMON_JVM_OPTIONS", "-XX:+UseSerialGC -Xmx256m -Djna.boot.library.name=jnidispatch-missing")) {
            ShippedPlugins.install(daemon.pluginDir, "machinfo");
            ShippedPlugins.install(daemon.pluginDir, "servinfo");
            daemon.start();
            try (TestClient client = daemon.connect()) {
                client.greeting();
                assertThat(client.request("machinfo cpu")).singleElement().asString()
                        .startsWith("-ERR SYSINFO UnsatisfiedLinkError: ")
                        .contains("JNA native support library");
                // the class that failed to initialise stays failed: still an error, still no crash
                assertThat(client.request("machinfo os")).singleElement().asString().startsWith("-ERR SYSINFO ");
                assertThat(client.request("servinfo")).singleElement().asString().startsWith("-ERR SYSINFO ");
                assertThat(client.request("machinfo jvm").getLast()).isEqualTo("+OK 1 section");
                assertThat(client.request("daemoninfo").getLast()).isEqualTo("+OK daemoninfo");
            }
            daemon.awaitLog(l -> l.contains("[ ERROR ]") && l.contains("machinfo: machinfo cpu failed: UnsatisfiedLinkError"),
                    Duration.ofSeconds(5));
            daemon.awaitLog(l -> l.contains("[ ERROR ]") && l.contains("servinfo: servinfo failed: "), Duration.ofSeconds(5));
            assertThat(daemon.alive()).isTrue();
        }
    }
}

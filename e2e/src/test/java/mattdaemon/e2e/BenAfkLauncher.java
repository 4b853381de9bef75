package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@code dist/bin/Ben_AFK} finds a JDK the way {@code Matt_daemon} does and starts the client
 * module from {@code dist/client}, which stays off the daemon's module path.
 */
class BenAfkLauncher {
    static final Path BEN_AFK = DaemonUnderTest.DIST.resolve("bin/Ben_AFK");

    static DaemonUnderTest.Launch run(String... args) throws Exception {
        List<String> command = Stream.concat(Stream.of(BEN_AFK.toString()), Stream.of(args)).toList();
        return DaemonUnderTest.Launch.run(command, Duration.ofSeconds(30));
    }

    @Test
    void startsTheClientModuleAndPrintsItsUsage() throws Exception {
        DaemonUnderTest.Launch help = run("--help");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.stdout()).startsWith("Usage: Ben_AFK [--host NAME] [--port N]");
        assertThat(help.stderr()).doesNotContain("WARNING");
    }

    @Test
    void aBadArgumentIsRefusedWithTheUsage() throws Exception {
        DaemonUnderTest.Launch bad = run("--port", "not-a-port");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("Ben_AFK: --port needs a number from 1 to 65535", "Usage: Ben_AFK");
    }

    @Test
    void theClientsJarsStayOffTheDaemonsModulePath() throws Exception {
        try (Stream<Path> client = Files.list(DaemonUnderTest.DIST.resolve("client"));
             Stream<Path> lib = Files.list(DaemonUnderTest.DIST.resolve("lib"))) {
            assertThat(client.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("matt-daemon-client-")).anyMatch(n -> n.startsWith("flatlaf-"));
            assertThat(lib.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("matt-daemon-client-") || n.startsWith("flatlaf-"));
        }
        assertThat(Files.isExecutable(BEN_AFK)).isTrue();
    }
}

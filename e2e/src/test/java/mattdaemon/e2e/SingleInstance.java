package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One daemon per lock file; stale and hostile lock files are handled. */
class SingleInstance {
    @TempDir
    Path dir;

    @Test
    void secondInstanceIsRefusedAndTheFirstIsUntouched() throws Exception {
        try (DaemonUnderTest first = new DaemonUnderTest(dir).start()) {
            DaemonUnderTest.Launch second = first.launch();
            assertThat(second.exitCode()).isNotZero();
            assertThat(second.stderr()).contains("Can't open :" + first.lockFile);
            assertThat(first.awaitLog(l -> l.contains("[ ERROR ]") && l.contains("Error file locked"),
                    Duration.ofSeconds(10))).contains("PID " + first.pid());
            assertThat(first.alive()).isTrue();
            assertThat(Files.readString(first.lockFile).strip()).isEqualTo(String.valueOf(first.pid()));
            try (TestClient client = first.connect()) {
                client.greeting();
                assertThat(client.request("still here")).containsExactly("+OK logged");
            }
        }
    }

    @Test
    void staleLockLeftByKill9DoesNotBlockTheNextStart() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).start()) {
            long killed = daemon.pid();
            daemon.signal("KILL");
            assertThat(daemon.awaitExit(Duration.ofSeconds(10))).isTrue();
            assertThat(daemon.lockFile).exists();
            daemon.start();
            assertThat(daemon.pid()).isNotEqualTo(killed);
            daemon.awaitLogContaining("Stale lock of PID " + killed + " taken over.");
        }
    }

    @Test
    void lockIsRemovedAtExit() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).start()) {
            daemon.signal("TERM");
            assertThat(daemon.awaitExit(Duration.ofSeconds(10))).isTrue();
            assertThat(daemon.lockFile).doesNotExist();
        }
    }

    @Test
    void symlinkAtTheLockPathIsRefusedNotFollowed() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir)) {
            Path victim = Files.writeString(dir.resolve("victim"), "precious\n");
            Files.createSymbolicLink(daemon.lockFile, victim);
            DaemonUnderTest.Launch launch = daemon.launch();
            assertThat(launch.exitCode()).isNotZero();
            assertThat(launch.stderr()).contains("Can't open :" + daemon.lockFile).contains("symbolic link");
            assertThat(Files.readString(victim)).isEqualTo("precious\n");
            assertThat(Files.isSymbolicLink(daemon.lockFile)).isTrue();
        }
    }

    @Test
    void hardLinkAtTheLockPathIsRefused() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir)) {
            Path victim = Files.writeString(dir.resolve("victim"), "precious\n");
            Files.createLink(daemon.lockFile, victim);
            DaemonUnderTest.Launch launch = daemon.launch();
            assertThat(launch.exitCode()).isNotZero();
            assertThat(launch.stderr()).contains("hard links");
            assertThat(Files.readString(victim)).isEqualTo("precious\n");
        }
    }
}

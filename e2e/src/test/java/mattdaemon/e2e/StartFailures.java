package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon that cannot start says why, on the launcher's stderr, with a non-zero status. */
class StartFailures {
    @TempDir
    Path dir;

    @Test
    void unwritableLogLocation() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        DaemonUnderTest daemon = new DaemonUnderTest(dir);
        List<String> command = new ArrayList<>(daemon.command("--log", notADirectory.resolve("matt.log").toString()));
        DaemonUnderTest.Launch launch = DaemonUnderTest.Launch.run(command, Duration.ofSeconds(60));
        assertThat(launch.exitCode()).isNotZero();
        assertThat(launch.stderr()).contains("Can't open log file " + notADirectory.resolve("matt.log"));
        assertThat(daemon.lockFile).doesNotExist();
    }

    @Test
    void portAlreadyTaken() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir);
             ServerSocket squatter = new ServerSocket(daemon.port)) {
            DaemonUnderTest.Launch launch = daemon.launch();
            assertThat(launch.exitCode()).isNotZero();
            assertThat(launch.stderr()).contains("Can't bind port " + daemon.port);
            assertThat(daemon.lockFile).as("lock released after the failed start").doesNotExist();
            assertThat(daemon.logLines()).anyMatch(l -> l.contains("[ ERROR ]") && l.contains("Can't bind port"));
        }
    }

    @Test
    void passwordFileReadableByOthersStopsTheStart() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir)) {
            Files.createDirectories(daemon.stateDir);
            Path password = Files.writeString(daemon.stateDir.resolve("password"), "pbkdf2-sha256$1$AAAA$AAAA\n");
            Files.setPosixFilePermissions(password, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            DaemonUnderTest.Launch launch = daemon.launch();
            assertThat(launch.exitCode()).isNotZero();
            assertThat(launch.stderr()).contains("Can't read the password file: ").contains("accessible by group or others");
            assertThat(daemon.lockFile).doesNotExist();
        }
    }

    @Test
    void badOptionIsAUsageError() throws Exception {
        DaemonUnderTest.Launch launch = DaemonUnderTest.Launch.run(
                List.of(DaemonUnderTest.LAUNCHER.toString(), "--port", "seventy"), Duration.ofSeconds(60));
        assertThat(launch.exitCode()).isEqualTo(2);
        assertThat(launch.stderr()).contains("port is not a number: seventy").contains("Usage: Matt_daemon");
    }

    @Test
    void nonRootIsRefused() throws Exception {
        // a copy of dist/ that user nobody can read wherever this checkout lives
        Path shared = Files.createTempDirectory(Path.of("/tmp"), "matt-nonroot-");
        try {
            Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String part : List.of("bin", "lib")) {
                try (var files = Files.list(DaemonUnderTest.DIST.resolve(part))) {
                    Path target = Files.createDirectories(shared.resolve(part));
                    Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                    for (Path file : files.toList()) {
                        Files.copy(file, target.resolve(file.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            DaemonUnderTest daemon = new DaemonUnderTest(dir);
            List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    shared.resolve("bin/Matt_daemon").toString()));
            command.addAll(daemon.command().subList(1, daemon.command().size()));
            DaemonUnderTest.Launch launch = DaemonUnderTest.Launch.run(command, Duration.ofSeconds(60));
            assertThat(launch.exitCode()).as(launch.toString()).isEqualTo(1);
            assertThat(launch.stderr()).contains("Matt_daemon: must be run as root (effective uid is 65534).");
            assertThat(daemon.lockFile).doesNotExist();
        } finally {
            try (var walk = Files.walk(shared)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}

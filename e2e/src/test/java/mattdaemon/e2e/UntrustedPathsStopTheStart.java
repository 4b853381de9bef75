package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths another user controls are refused at start, naming the path and the reason, the way
 * sshd's StrictModes does: the log, state and plugin folders and the configuration file. The
 * other user is nobody (65534), who plants files with {@code setpriv} where the test lets it.
 */
class UntrustedPathsStopTheStart {
    private static final int NOBODY = 65534;

    @TempDir
    Path dir;

    @BeforeEach
    void letNobodyIn() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void logFolderOfAnotherUser() throws Exception {
        DaemonUnderTest daemon = new DaemonUnderTest(dir);
        Path logFolder = Files.createDirectories(daemon.logFile.getParent());
        Files.setAttribute(logFolder, "unix:uid", NOBODY);
        DaemonUnderTest.Launch launch = daemon.launch();
        assertThat(launch.exitCode()).isEqualTo(1);
        assertThat(launch.stderr()).contains("Can't open log file " + daemon.logFile + ": untrusted " + logFolder + ": owned by uid 65534, not root");
        assertThat(daemon.logFile).doesNotExist();
        assertThat(daemon.lockFile).doesNotExist();
    }

    @Test
    void logFolderOthersMayWriteTo() throws Exception {
        DaemonUnderTest daemon = new DaemonUnderTest(dir);
        Path logFolder = Files.createDirectories(daemon.logFile.getParent());
        Files.setPosixFilePermissions(logFolder, PosixFilePermissions.fromString("rwxrwxrwx"));
        // where nobody would swap the log for a link to a root-only file
        plantAsNobody(logFolder.resolve("matt_daemon.log"));
        DaemonUnderTest.Launch launch = daemon.launch();
        assertThat(launch.exitCode()).isEqualTo(1);
        assertThat(launch.stderr()).contains("Can't open log file " + daemon.logFile + ": untrusted " + logFolder + ": writable by group or others (mode 0777)");
    }

    @Test
    void stateFolderOthersMayWriteToAndAPlantedPassword() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir)) {
            Path state = Files.createDirectories(daemon.stateDir);
            Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path planted = state.resolve("password");
            plantAsNobody(planted);
            DaemonUnderTest.Launch launch = daemon.launch();
            assertThat(launch.exitCode()).isEqualTo(1);
            assertThat(launch.stderr()).contains("Untrusted state folder: " + state + ": writable by group or others");
            assertThat(daemon.logLines()).anyMatch(l -> l.contains("[ ERROR ]") && l.contains("Untrusted state folder"));
            // the folder made safe again, the file nobody left behind is still not trusted
            Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
            launch = daemon.launch();
            assertThat(launch.exitCode()).isEqualTo(1);
            assertThat(launch.stderr()).contains("Can't read the password file: " + planted + ": owned by uid 65534, not root");
            assertThat(daemon.lockFile).doesNotExist();
        }
    }

    @Test
    void aLostPasswordFileDoesNotStartTheDaemonUnprotected() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir)) {
            Path state = Files.createDirectories(daemon.stateDir);
            Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
            Files.writeString(state.resolve("protected"), "Protection is on\n");
            DaemonUnderTest.Launch launch = daemon.launch();
            assertThat(launch.exitCode()).isEqualTo(1);
            assertThat(launch.stderr()).contains("protection is on").contains(state.resolve("password") + " is missing");
        }
    }

    @Test
    void pluginFolderOthersMayWriteTo() throws Exception {
        DaemonUnderTest daemon = new DaemonUnderTest(dir);
        Files.setPosixFilePermissions(daemon.pluginDir, PosixFilePermissions.fromString("rwxrwxr-x"));
        DaemonUnderTest.Launch launch = daemon.launch();
        assertThat(launch.exitCode()).isEqualTo(1);
        assertThat(launch.stderr()).contains("Untrusted plugin folder: " + daemon.pluginDir + ": writable by group or others (mode 0775)");
    }

    @Test
    void configurationOfAnotherUser() throws Exception {
        Path config = Files.writeString(dir.resolve("matt_daemon.conf"), "log_file = /etc/shadow\n");
        Files.setAttribute(config, "unix:uid", NOBODY);
        DaemonUnderTest daemon = new DaemonUnderTest(dir);
        DaemonUnderTest.Launch launch = daemon.launch("--config", config.toString());
        assertThat(launch.exitCode()).isEqualTo(2);
        assertThat(launch.stderr()).contains("untrusted configuration file " + config + ": owned by uid 65534, not root");
        Files.setAttribute(config, "unix:uid", 0);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-rw-rw-"));
        launch = daemon.launch("--config", config.toString());
        assertThat(launch.exitCode()).isEqualTo(2);
        assertThat(launch.stderr()).contains("untrusted configuration file " + config + ": writable by group or others");
    }

    /** Creates {@code file} as user nobody, as a hostile local user would. */
    private static void plantAsNobody(Path file) throws Exception {
        DaemonUnderTest.Launch run = DaemonUnderTest.Launch.run(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", "sh", "-c", "umask 077; echo 'pbkdf2-sha256$1$AAAA$AAAA' > \"$0\"", file.toString()),
                Duration.ofSeconds(30));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat((Integer) Files.getAttribute(file, "unix:uid")).isEqualTo(NOBODY);
    }
}

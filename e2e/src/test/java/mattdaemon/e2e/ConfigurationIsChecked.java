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
 * {@code Matt_daemon --check-config} says 0 or 1 and the first error, the way a start would
 * refuse; numbers out of their documented range stop the start itself too.
 */
class ConfigurationIsChecked {
    @TempDir
    Path dir;

    private DaemonUnderTest.Launch check(String config, String... options) throws Exception {
        Path file = Files.writeString(dir.resolve("matt_daemon.conf"), config);
        List<String> command = new ArrayList<>(new DaemonUnderTest(dir).command("--config", file.toString(), "--check-config"));
        command.addAll(List.of(options));
        return DaemonUnderTest.Launch.run(command, Duration.ofSeconds(60));
    }

    @Test
    void aGoodConfigurationPasses() throws Exception {
        DaemonUnderTest.Launch launch = check("# every key\nport = 4243\nbind = 127.0.0.1\nmax_clients = 3\n"
                + "max_line_bytes = 1048576\nidle_timeout_seconds = 300\nauth_grace_seconds = 30\n"
                + "ready_timeout_seconds = 30\ntls_required = false\nmail.smtp.host = localhost\n");
        assertThat(launch.exitCode()).as(launch.toString()).isZero();
        assertThat(launch.stdout()).contains("Matt_daemon: configuration OK (" + dir.resolve("matt_daemon.conf") + ").");
    }

    @Test
    void theFirstErrorAndStatusOne() throws Exception {
        DaemonUnderTest.Launch launch = check("max_line_bytes = 2147483647\n");
        assertThat(launch.exitCode()).isEqualTo(1);
        assertThat(launch.stderr()).isEqualTo("Matt_daemon: max_line_bytes must be from 64 to 1048576: 2147483647\n");
        launch = check("", "--idle-timeout", "0");
        assertThat(launch.exitCode()).isEqualTo(1);
        assertThat(launch.stderr()).contains("idle_timeout_seconds must be from 1 to 86400: 0");
    }

    @Test
    void anUnknownKeyIsAnErrorWithASuggestion() throws Exception {
        DaemonUnderTest.Launch launch = check("max_client = 4\n");
        assertThat(launch.exitCode()).isEqualTo(1);
        assertThat(launch.stderr()).contains("unknown configuration key(s): max_client (did you mean max_clients?)");
    }

    @Test
    void aFileAnotherUserMayWriteIsAnError() throws Exception {
        DaemonUnderTest.Launch launch = check("port = 1\n");
        assertThat(launch.exitCode()).isZero();
        Files.setAttribute(dir.resolve("matt_daemon.conf"), "unix:uid", 65534);
        launch = check("port = 1\n");
        assertThat(launch.exitCode()).isEqualTo(1);
        assertThat(launch.stderr()).contains("untrusted configuration file").contains("owned by uid 65534, not root");
    }

    @Test
    void aStartWithANumberOutOfRangeIsRefused() throws Exception {
        DaemonUnderTest daemon = new DaemonUnderTest(dir);
        DaemonUnderTest.Launch launch = daemon.launch("--max-line-bytes", "300000000");
        assertThat(launch.exitCode()).isEqualTo(2);
        assertThat(launch.stderr()).contains("max_line_bytes must be from 64 to 1048576: 300000000");
        assertThat(daemon.lockFile).doesNotExist();
    }
}

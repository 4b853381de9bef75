package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Matt_daemon --set-password}: root on the machine sets the password from stdin, with
 * the daemon running or not, so the first password need not come over the network.
 */
class PasswordSetLocally {
    static final String PASSWORD = "set on the console";

    @TempDir
    Path dir;

    private static DaemonUnderTest.Launch setPassword(DaemonUnderTest daemon, String stdin, String... prefix) throws Exception {
        List<String> command = new ArrayList<>(List.of(prefix));
        command.addAll(daemon.command("--set-password"));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        Instant started = Instant.now();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("--set-password did not return");
        }
        return new DaemonUnderTest.Launch(process.exitValue(), new String(process.getInputStream().readAllBytes()),
                new String(process.getErrorStream().readAllBytes()), Duration.between(started, Instant.now()));
    }

    @Test
    void aRunningDaemonTakesThePasswordWithinASecond() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).start()) {
            assertThat(daemon.request("hello").getLast()).isEqualTo("+OK logged");
            DaemonUnderTest.Launch set = setPassword(daemon, PASSWORD + "\n");
            assertThat(set.exitCode()).as(set.toString()).isZero();
            assertThat(set.stdout()).contains("password stored in " + daemon.stateDir.resolve("password"));
            Instant deadline = Instant.now().plusSeconds(10);
            String greeting;
            do {
                Thread.sleep(200);
                try (TestClient client = daemon.connect()) {
                    greeting = client.greeting();
                }
            } while (!greeting.endsWith("password required") && Instant.now().isBefore(deadline));
            assertThat(greeting).isEqualTo("* Matt_daemon 1.0.0 ready, password required");
            try (TestClient client = daemon.connect()) {
                client.greeting();
                assertThat(client.request("auth " + PASSWORD)).containsExactly("+OK authenticated");
            }
            assertThat(String.join("\n", daemon.logLines())).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aPasswordSetBeforeTheFirstStartProtectsIt() throws Exception {
        DaemonUnderTest daemon = new DaemonUnderTest(dir);
        assertThat(setPassword(daemon, PASSWORD).exitCode()).isZero();
        assertThat((Integer) Files.getAttribute(daemon.stateDir.resolve("password"), "unix:mode") & 0777).isEqualTo(0600);
        try (DaemonUnderTest running = daemon.start(); TestClient client = running.connect()) {
            assertThat(client.greeting()).endsWith("password required");
            assertThat(client.request("auth " + PASSWORD)).containsExactly("+OK authenticated");
        }
    }

    @Test
    void nothingOnStdinChangesNothingAndOnlyRootMaySetIt() throws Exception {
        DaemonUnderTest daemon = new DaemonUnderTest(dir);
        DaemonUnderTest.Launch empty = setPassword(daemon, "");
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.stderr()).contains("no password given on stdin");
        assertThat(daemon.stateDir.resolve("password")).doesNotExist();
        DaemonUnderTest.Launch nobody = setPassword(daemon, PASSWORD, "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
        assertThat(nobody.exitCode()).isNotZero();
        assertThat(daemon.stateDir.resolve("password")).doesNotExist();
    }
}

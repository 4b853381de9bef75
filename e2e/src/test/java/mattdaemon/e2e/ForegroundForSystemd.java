package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --foreground stays in the foreground, tells systemd it is ready, and stops on SIGTERM. */
class ForegroundForSystemd {
    @TempDir
    Path dir;

    @Test
    void notifiesReadinessThenStopsCleanlyOnSigterm() throws Throwable {
        DaemonUnderTest daemon = new DaemonUnderTest(dir);
        Path socketPath = dir.resolve("notify.sock");
        try (NotifySocket notify = new NotifySocket(socketPath, 30)) {
            ProcessBuilder builder = new ProcessBuilder(daemon.command("--foreground"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(dir.resolve("stderr.txt").toFile());
            builder.environment().put("NOTIFY_SOCKET", socketPath.toString());
            Process process = builder.start();
            try {
                String message = notify.receive();
                assertThat(message).isEqualTo("READY=1\nMAINPID=" + process.pid());
                try (TestClient client = daemon.connect()) {
                    assertThat(client.greeting()).endsWith("ready");
                }
                new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();
                assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).isZero();
                List<String> log = daemon.logLines();
                assertThat(log).anyMatch(l -> l.endsWith("Signal handler: received SIGTERM (15)."));
                assertThat(log.getLast()).endsWith("Quitting.");
                assertThat(daemon.lockFile).doesNotExist();
            } finally {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void sigquitIsLoggedLikeEveryOtherSignal() throws Exception {
        DaemonUnderTest daemon = new DaemonUnderTest(dir);
        Process process = new ProcessBuilder(daemon.command("--foreground"))
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            daemon.awaitLogContaining("started. PID: " + process.pid() + ".");
            new ProcessBuilder("kill", "-QUIT", String.valueOf(process.pid())).start().waitFor();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            List<String> log = daemon.logLines();
            assertThat(log).anyMatch(l -> l.endsWith("Signal handler: received SIGQUIT (3)."));
            assertThat(log.getLast()).endsWith("Quitting.");
            // no JVM thread dump: the signal went to the daemon, not to the JVM
            assertThat(java.nio.file.Files.readString(dir.resolve("stdout.txt"))).doesNotContain("Full thread dump");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void withoutNotifySocketItJustRuns() throws Exception {
        DaemonUnderTest daemon = new DaemonUnderTest(dir);
        Process process = new ProcessBuilder(daemon.command("--foreground"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            daemon.awaitLogContaining("started. PID: " + process.pid() + ".");
            try (TestClient client = daemon.connect()) {
                client.greeting();
                assertThat(client.request("quit")).containsExactly("+OK Matt_daemon shutting down");
            }
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
    }
}

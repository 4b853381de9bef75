package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon in a real pids cgroup whose limit is reached: a client that would need a new
 * session thread is closed and its slot freed, a command that would need a thread gets its
 * {@code -ERR PLUGIN} reply, messages are still logged, and once the limit is raised a new
 * client is served as usual: no thread the system refuses stops the accept loop.
 */
class ThreadLimitIsSurvived {
    @TempDir
    Path temp;

    /** A pids cgroup of its own: cgroup v1's pids hierarchy, or cgroup v2 with the pids controller. */
    private static Path pidsCgroup(String name) throws IOException {
        Path v1 = Path.of("/sys/fs/cgroup/pids");
        if (Files.isDirectory(v1)) {
            return Files.createDirectory(v1.resolve(name));
        }
        Path v2 = Path.of("/sys/fs/cgroup");
        Files.writeString(v2.resolve("cgroup.subtree_control"), "+pids");
        return Files.createDirectory(v2.resolve(name));
    }

    @Test
    void aRefusedThreadCostsOneClientOrOneCallOnly() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("d"));
        DaemonUnderTest daemon = new DaemonUnderTest(dir);
        Path cgroup = pidsCgroup("matt-daemon-e2e-" + ProcessHandle.current().pid());
        Path root = cgroup.getParent();
        try {
            daemon.start();
            try (TestClient first = daemon.connect()) {
                first.greeting();
                assertThat(first.request("before the limit")).containsExactly("+OK logged");
                Files.writeString(cgroup.resolve("cgroup.procs"), String.valueOf(daemon.pid()));
                // every thread the daemon has now, and not one more
                Files.writeString(cgroup.resolve("pids.max"), Files.readString(cgroup.resolve("pids.current")).strip());

                try (TestClient refused = daemon.connect()) {
                    refused.socket().setSoTimeout(5000);
                    assertThat(refused.readLine()).as("closed without a session").isNull();
                }
                daemon.awaitLog(l -> l.contains("not started, no thread for it"), Duration.ofSeconds(5));
                assertThat(first.request("help")).singleElement().asString()
                        .startsWith("-ERR PLUGIN help not run: no thread for it");
                assertThat(first.request("still logged")).containsExactly("+OK logged");

                Files.writeString(cgroup.resolve("pids.max"), "max");
                try (TestClient later = daemon.connect()) {
                    assertThat(later.greeting()).startsWith("* Matt_daemon");
                    assertThat(later.request("help").getLast()).startsWith("+OK");
                }
                assertThat(daemon.logLines()).anyMatch(l -> l.endsWith("User input: still logged"));
            }
        } finally {
            if (daemon.pid() > 0 && ProcessHandle.of(daemon.pid()).isPresent()) {
                Files.writeString(cgroup.resolve("pids.max"), "max");
                Files.writeString(root.resolve("cgroup.procs"), String.valueOf(daemon.pid()));
            }
            daemon.close();
            Files.delete(cgroup);
        }
    }
}

package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** daemonpass, auth, brute-force slowing, the grace and idle timeouts. */
class PasswordProtection {
    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    static void protect(DaemonUnderTest daemon) throws Exception {
        try (TestClient admin = daemon.connect()) {
            admin.greeting();
            assertThat(admin.request("daemonpass " + PASSWORD)).containsExactly("+OK protection on");
        }
    }

    @Test
    void passwordIsStoredAsARootOnlySaltedHashAndNeverLogged() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).start()) {
            protect(daemon);
            Path hashFile = daemon.stateDir.resolve("password");
            assertThat(Files.readString(hashFile)).matches("pbkdf2-sha256\\$600000\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}\\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hashFile))).isEqualTo("rw-------");
            try (TestClient client = daemon.connect()) {
                client.greeting();
                client.request("auth " + PASSWORD);
                client.request("auth wrong-" + PASSWORD);
            }
            daemon.awaitLogContaining("Request daemonpass (protection on).");
            assertThat(String.join("\n", daemon.logLines())).doesNotContain(PASSWORD).doesNotContain("horse");
        }
    }

    @Test
    void unauthenticatedClientMayOnlyAuthenticate() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).start()) {
            protect(daemon);
            try (TestClient client = daemon.connect()) {
                assertThat(client.greeting()).isEqualTo("* Matt_daemon 1.0.0 ready, password required");
                assertThat(client.request("secret message before auth")).containsExactly("-ERR AUTH authentication required: auth <password>");
                assertThat(client.request("daemoninfo")).containsExactly("-ERR AUTH authentication required: auth <password>");
                assertThat(client.request("auth " + PASSWORD)).containsExactly("+OK authenticated");
                assertThat(client.request("message after auth")).containsExactly("+OK logged");
                assertThat(client.request("daemoninfo")).contains("| password protection: on");
            }
            daemon.awaitLog(l -> l.endsWith("User input: message after auth"), Duration.ofSeconds(5));
            assertThat(daemon.logLines()).noneMatch(l -> l.contains("secret message before auth"))
                    .anyMatch(l -> l.contains("line refused before authentication"));
        }
    }

    @Test
    void protectionSurvivesARestartAndCanBeTurnedOff() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).start()) {
            protect(daemon);
            daemon.signal("TERM");
            assertThat(daemon.awaitExit(Duration.ofSeconds(10))).isTrue();
            daemon.start();
            try (TestClient client = daemon.connect()) {
                assertThat(client.greeting()).endsWith("password required");
                assertThat(client.request("auth " + PASSWORD)).containsExactly("+OK authenticated");
                assertThat(client.request("daemonpass")).containsExactly("+OK protection off");
            }
            assertThat(daemon.stateDir.resolve("password")).doesNotExist();
            try (TestClient client = daemon.connect()) {
                assertThat(client.greeting()).isEqualTo("* Matt_daemon 1.0.0 ready");
                assertThat(client.request("free again")).containsExactly("+OK logged");
            }
        }
    }

    @Test
    void wrongPasswordsAreSlowedDownThenCutOff() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).start()) {
            protect(daemon);
            try (TestClient client = daemon.connect()) {
                client.greeting();
                long started = System.nanoTime();
                assertThat(client.request("auth guess-one")).containsExactly("-ERR AUTH wrong password (2 attempts left)");
                assertThat(client.request("auth guess-two")).containsExactly("-ERR AUTH wrong password (1 attempts left)");
                assertThat(client.request("auth guess-three")).containsExactly("-ERR AUTH wrong password; too many attempts, closing");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
                assertThat(client.readLine()).isNull();
            }
            List<String> failures = daemon.logLines().stream().filter(l -> l.contains("Authentication failed for 127.0.0.1:")).toList();
            assertThat(failures).hasSize(3);
            assertThat(failures.getLast()).contains("attempt 3/3");
            daemon.awaitLogContaining("closed: 3 wrong passwords.");
        }
    }

    @Test
    void unauthenticatedClientIsDroppedAfterTheGraceTimeFreeingItsSlot() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).with("--max-clients", "1", "--auth-grace", "1").start()) {
            protect(daemon);
            daemon.awaitLogCount("Client disconnected", 1); // the only slot is free again
            try (TestClient squatter = daemon.connect()) {
                squatter.greeting();
                assertThat(squatter.readLine()).isEqualTo("* authentication timeout, closing");
                assertThat(squatter.readLine()).isNull();
            }
            daemon.awaitLogContaining("closed: authentication timeout.");
            daemon.awaitLogCount("Client disconnected", 2);
            try (TestClient next = daemon.connect()) {
                assertThat(next.greeting()).endsWith("password required");
            }
        }
    }

    @Test
    void aClientThatStopsReadingLosesItsSlotAfterTheIdleTime() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).with("--idle-timeout", "2", "--max-clients", "1").start();
             TestClient greedy = daemon.connect()) {
            greedy.greeting();
            byte[] burst = "help\n".repeat(200_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    greedy.sendRaw(burst);
                } catch (java.io.IOException e) {
                    // closed by the daemon while still writing: expected
                }
            });
            daemon.awaitLog(l -> l.contains("closed: it stopped reading its replies."), Duration.ofSeconds(30));
            daemon.awaitLogCount("Client disconnected", 1);
            try (TestClient next = daemon.connect()) {
                assertThat(next.greeting()).endsWith("ready");
            }
            writer.join(5000);
        }
    }

    @Test
    void idleClientsAreClosed() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).with("--idle-timeout", "1").start();
             TestClient idle = daemon.connect()) {
            idle.greeting();
            assertThat(idle.request("one line, then silence")).containsExactly("+OK logged");
            assertThat(idle.readLine()).isEqualTo("* idle timeout, closing");
            assertThat(idle.readLine()).isNull();
            daemon.awaitLogContaining("closed: idle timeout.");
        }
    }
}

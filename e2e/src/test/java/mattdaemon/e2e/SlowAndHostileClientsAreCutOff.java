package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deadlines, not idle timers: a line must be complete soon after its first byte, the
 * authentication grace runs from the connection, a TLS handshake has a deadline of its own. Run
 * with a 2 s line timeout and a 3 s grace so the slow attacks fail fast.
 */
class SlowAndHostileClientsAreCutOff {
    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private DaemonUnderTest daemon() {
        return new DaemonUnderTest(dir).with("--line-timeout", "2", "--auth-grace", "3");
    }

    /** Sends one byte of a line that never ends every 500 ms until {@code stop}, on a thread of its own. */
    private static Thread dribble(TestClient client, AtomicBoolean stop) {
        return Thread.ofVirtual().start(() -> {
            try {
                while (!stop.get()) {
                    client.sendRaw(new byte[] {'x'});
                    Thread.sleep(500);
                }
            } catch (Exception e) {
                // closed by the daemon: that is the point
            }
        });
    }

    @Test
    void slowlorisOnEverySlotLocksNobodyOutForLongerThanTheLineTimeout() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<TestClient> attackers = new ArrayList<>();
        try (DaemonUnderTest daemon = daemon().start()) {
            try {
                for (int i = 0; i < 3; i++) {
                    TestClient attacker = daemon.connect();
                    attacker.greeting();
                    attackers.add(attacker);
                    dribble(attacker, stop);
                }
                Thread.sleep(200);
                try (TestClient refused = daemon.connect()) {
                    assertThat(refused.readLine()).startsWith("-ERR MAXCLIENTS");
                }
                long start = System.nanoTime();
                for (TestClient attacker : attackers) {
                    assertThat(attacker.readLine()).isEqualTo("* line not completed within 2 s, closing");
                    assertThat(attacker.readLine()).isNull();
                }
                try (TestClient user = daemon.connect()) {
                    assertThat(user.greeting()).startsWith("* Matt_daemon");
                    assertThat(user.request("finally")).containsExactly("+OK logged");
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
                assertThat(daemon.logLines()).filteredOn(l -> l.endsWith("closed: line not completed within 2 s.")).hasSize(3);
            } finally {
                stop.set(true);
                for (TestClient attacker : attackers) {
                    attacker.close();
                }
            }
        }
    }

    @Test
    void theAuthenticationGraceRunsFromTheConnectionWhateverIsSent() throws Exception {
        try (DaemonUnderTest daemon = daemon().start()) {
            PasswordProtection.protect(daemon);
            try (TestClient stranger = daemon.connect()) {
                stranger.greeting();
                long start = System.nanoTime();
                String last = null;
                // complete lines every half second: each is refused, none extends the grace
                while (last == null || !last.startsWith("* ")) {
                    stranger.send("let me in");
                    last = stranger.readLine();
                    Thread.sleep(500);
                }
                assertThat(last).isEqualTo("* authentication timeout, closing");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(5));
            }
            daemon.awaitLogContaining("closed: authentication timeout.");
        }
    }

    @Test
    void aHandshakeSentByteByByteIsClosedWithoutPlaintext() throws Exception {
        try (DaemonUnderTest daemon = daemon().start()) {
            daemon.awaitLogContaining("TLS certificate SHA-256 fingerprint: ");
            try (TestClient client = daemon.connect()) {
                client.greeting();
                assertThat(client.request("starttls").getFirst()).startsWith("+OK begin TLS handshake");
                AtomicBoolean stop = new AtomicBoolean();
                // the first bytes of a TLS record, then nothing more than a byte each half second
                client.sendRaw(new byte[] {0x16, 0x03, 0x01});
                dribble(client, stop);
                long start = System.nanoTime();
                InputStream in = client.socket().getInputStream();
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0) {
                    received.write(b);
                }
                stop.set(true);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                byte[] bytes = received.toByteArray();
                // nothing at all, or a TLS alert record (content type 21): never a plaintext notice
                assertThat(bytes.length == 0 || bytes[0] == 0x15).as("received %s", new String(bytes, StandardCharsets.ISO_8859_1)).isTrue();
            }
            daemon.awaitLogContaining("closed: TLS handshake not completed within 2 s.");
        }
    }

    @Test
    void aNewPasswordRevokesEveryOtherSession() throws Exception {
        try (DaemonUnderTest daemon = daemon().with("--auth-grace", "30").start()) {
            PasswordProtection.protect(daemon);
            try (TestClient admin = daemon.connect(); TestClient other = daemon.connect()) {
                admin.greeting();
                other.greeting();
                assertThat(admin.request("auth " + PASSWORD)).containsExactly("+OK authenticated");
                assertThat(other.request("auth " + PASSWORD)).containsExactly("+OK authenticated");
                assertThat(admin.request("daemonpass another long password")).containsExactly("+OK protection on");
                assertThat(other.readLine()).isEqualTo("* password changed: authenticate again (auth <password>)");
                assertThat(other.request("quit")).containsExactly("-ERR AUTH authentication required: auth <password>");
                assertThat(other.request("auth " + PASSWORD).getFirst()).startsWith("-ERR AUTH wrong password");
                assertThat(other.request("auth another long password")).containsExactly("+OK authenticated");
                assertThat(admin.request("daemoninfo").getLast()).isEqualTo("+OK daemoninfo");
            }
        }
    }

    @Test
    void secretsAfterATabNeverReachTheLog() throws Exception {
        try (DaemonUnderTest daemon = daemon().start()) {
            try (TestClient client = daemon.connect()) {
                client.greeting();
                assertThat(client.request("daemonpass\tsecret-after-tab")).containsExactly("+OK protection on");
                assertThat(client.request("auth\tsecret-after-tab")).containsExactly("+OK already authenticated");
            }
            daemon.awaitLogContaining("Request daemonpass (protection on).");
            assertThat(daemon.logLines()).noneMatch(l -> l.contains("secret-after-tab"));
        }
    }

    @Test
    void refusedLinesAreLoggedOncePerSecondNotOncePerLine() throws Exception {
        try (DaemonUnderTest daemon = daemon().with("--auth-grace", "30").start()) {
            PasswordProtection.protect(daemon);
            int before = daemon.logLines().size();
            try (TestClient flood = daemon.connect()) {
                flood.greeting();
                flood.sendRaw("refused line\n".repeat(5000).getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 5000; i++) {
                    assertThat(flood.readReply()).containsExactly("-ERR AUTH authentication required: auth <password>");
                }
            }
            daemon.awaitLogCount("Client disconnected", 2); // the admin's session, then the flood's
            List<String> added = daemon.logLines().subList(before, daemon.logLines().size());
            assertThat(added).filteredOn(l -> l.contains("refused")).hasSizeBetween(1, 20)
                    .anyMatch(l -> l.matches(".*had \\d+ more refused in the same second.*"));
        }
    }

    @Test
    void repliesNeverCarryRawControlCharacters() throws Exception {
        try (DaemonUnderTest daemon = daemon().start(); TestClient client = daemon.connect()) {
            client.greeting();
            List<String> reply = client.request("help \u0000\u001b[2Jx");
            assertThat(String.join("\n", reply)).doesNotContain("\u0000").doesNotContain("\u001b").contains("\\x00\\x1b[2Jx");
        }
    }
}

package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken clients get a clear error; the daemon stays up and loses no line. */
class BadInputIsSurvived {
    @RegisterExtension
    static final SharedDaemon daemon = new SharedDaemon();

    @AfterEach
    void daemonStillServes() throws Exception {
        assertThat(daemon.alive()).isTrue();
        try (TestClient probe = daemon.connect()) {
            assertThat(probe.greeting()).endsWith("ready");
            assertThat(probe.request("probe")).containsExactly("+OK logged");
        }
    }

    @Test
    void overlongLineIsDiscardedWithAnErrorAndTheNextLineIsKept() throws Exception {
        byte[] big = new byte[70 * 1024];
        Arrays.fill(big, (byte) 'a');
        try (TestClient client = daemon.connect()) {
            client.greeting();
            client.sendRaw(big);
            client.sendRaw("\nafter the long one\n".getBytes(StandardCharsets.UTF_8));
            assertThat(client.readReply()).singleElement().asString()
                    .startsWith("-ERR TOOLONG line of 71680 bytes discarded");
            assertThat(client.readReply()).containsExactly("+OK logged");
        }
        daemon.awaitLog(l -> l.contains("[ ERROR ]") && l.contains("line of 71680 bytes discarded"), Duration.ofSeconds(5));
        daemon.awaitLog(l -> l.endsWith("User input: after the long one"), Duration.ofSeconds(5));
    }

    @Test
    void binaryGarbageIsLoggedEscapedOneLinePerLine() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        long lines = 0;
        for (byte b : garbage) {
            if (b == '\n') {
                lines++;
            }
        }
        try (TestClient client = daemon.connect()) {
            client.greeting();
            client.sendRaw(garbage);
            client.sendRaw("\nmarker after garbage\n".getBytes(StandardCharsets.UTF_8));
            for (long i = 0; i <= lines; i++) {
                assertThat(client.readReply()).hasSize(1);
            }
            assertThat(client.readReply()).containsExactly("+OK logged");
        }
        daemon.awaitLog(l -> l.endsWith("User input: marker after garbage"), Duration.ofSeconds(5));
        assertThat(daemon.logLines()).allMatch(l -> l.matches(DaemonRunsInBackground.LOG_LINE));
    }

    @Test
    void invalidUtf8GetsAnErrorAndIsLoggedWithByteEscapes() throws Exception {
        try (TestClient client = daemon.connect()) {
            client.greeting();
            client.sendRaw(new byte[] {'b', 'a', 'd', (byte) 0xc3, '(', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '\n'});
            assertThat(client.readReply()).singleElement().asString().startsWith("-ERR ENCODING");
        }
        daemon.awaitLog(l -> l.endsWith("User input: bad\\xc3(\\xed\\xa0\\x80"), Duration.ofSeconds(5));
    }

    @Test
    void connectionResetMidLineDoesNotDisturbOthers() throws Exception {
        try (TestClient other = daemon.connect()) {
            other.greeting();
            Socket rude = new Socket("127.0.0.1", daemon.port);
            rude.getOutputStream().write("half a li".getBytes(StandardCharsets.UTF_8));
            rude.setSoLinger(true, 0);
            rude.close();
            assertThat(other.request("other client fine")).containsExactly("+OK logged");
        }
    }

    @Test
    void fiftyRapidConnectCloseCycles() throws Exception {
        long before = endedOrRefused();
        for (long seen = -1; seen != before; ) { // the previous test's probe may still be logging its end
            seen = before;
            Thread.sleep(200);
            before = endedOrRefused();
        }
        for (int i = 0; i < 50; i++) {
            new Socket("127.0.0.1", daemon.port).close();
        }
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        while (endedOrRefused() < before + 50 && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(endedOrRefused() - before).as("connections accounted for in the log").isEqualTo(50);
    }

    /** Each connection ends as exactly one of these two log lines. */
    private static long endedOrRefused() throws Exception {
        return daemon.logLines().stream()
                .filter(l -> l.contains("Client disconnected: ") || l.contains(" refused: ")).count();
    }

    @Test
    void idleClientCostsNoCpuAndBlocksNoOne() throws Exception {
        // start-up work (the first TLS key) is over once its fingerprint is logged
        daemon.awaitLog(l -> l.contains("TLS certificate SHA-256 fingerprint"), Duration.ofSeconds(30));
        try (TestClient idle = daemon.connect()) {
            idle.greeting();
            // background work of earlier tests (JIT compiling, GC) settles first
            for (int i = 0; i < 15; i++) {
                long start = Proc.cpuTicks(daemon.pid());
                Thread.sleep(1000);
                if (Proc.cpuTicks(daemon.pid()) - start <= 1) {
                    break;
                }
            }
            long before = Proc.cpuTicks(daemon.pid());
            Thread.sleep(3000);
            long used = Proc.cpuTicks(daemon.pid()) - before;
            assertThat(used).as("CPU ticks (1/100 s) used in 3 s idle").isLessThanOrEqualTo(5);
        }
    }
}

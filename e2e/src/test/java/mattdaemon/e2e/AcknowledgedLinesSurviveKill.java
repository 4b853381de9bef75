package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code +OK logged} means the line is in the file: SIGKILL right after an acknowledgement, one
 * line at a time or in the middle of a pipelined flood, never loses an acknowledged line.
 */
class AcknowledgedLinesSurviveKill {
    private static final int RUNS = 3;

    @TempDir
    Path temp;

    private static Set<String> loggedInputs(DaemonUnderTest daemon) throws Exception {
        Set<String> inputs = new HashSet<>();
        for (String line : daemon.logLines()) {
            int at = line.indexOf("User input: ");
            if (at >= 0) {
                inputs.add(line.substring(at + 12));
            }
        }
        return inputs;
    }

    @Test
    void killRightAfterEachAcknowledgementLosesNothing() throws Exception {
        for (int run = 0; run < RUNS; run++) {
            DaemonUnderTest daemon = new DaemonUnderTest(Files.createDirectory(temp.resolve("one-" + run))).start();
            int acknowledged = 0;
            try (TestClient client = daemon.connect()) {
                client.greeting();
                long end = System.nanoTime() + Duration.ofMillis(300 + 200 * run).toNanos();
                while (System.nanoTime() < end) {
                    assertThat(client.request("run " + run + " line " + acknowledged)).containsExactly("+OK logged");
                    acknowledged++;
                }
                assertThat(client.request("run " + run + " line " + acknowledged)).containsExactly("+OK logged");
                acknowledged++;
                daemon.signal("KILL");
            }
            assertThat(daemon.awaitExit(Duration.ofSeconds(10))).isTrue();
            Set<String> logged = loggedInputs(daemon);
            for (int i = 0; i < acknowledged; i++) {
                assertThat(logged).as("run %d: acknowledged line %d of %d", run, i, acknowledged)
                        .contains("run " + run + " line " + i);
            }
        }
    }

    @Test
    void killInTheMiddleOfAFloodLosesNoAcknowledgedLine() throws Exception {
        for (int run = 0; run < RUNS; run++) {
            DaemonUnderTest daemon = new DaemonUnderTest(Files.createDirectory(temp.resolve("flood-" + run))).start();
            int clients = 3;
            AtomicInteger[] acked = new AtomicInteger[clients];
            Thread[] readers = new Thread[clients];
            Thread[] writers = new Thread[clients];
            Socket[] sockets = new Socket[clients];
            for (int c = 0; c < clients; c++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", daemon.port), 5000);
                sockets[c] = socket;
                AtomicInteger count = acked[c] = new AtomicInteger();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                in.readLine(); // greeting
                readers[c] = Thread.ofPlatform().start(() -> {
                    try {
                        String line;
                        while ((line = in.readLine()) != null) {
                            if (line.equals("+OK logged")) {
                                count.incrementAndGet();
                            }
                        }
                    } catch (java.io.IOException e) {
                        // the daemon was killed
                    }
                });
                int client = c;
                writers[c] = Thread.ofPlatform().start(() -> {
                    try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8))) {
                        for (int i = 0; ; i++) {
                            out.write("flood " + client + " " + i + " " + "z".repeat(40) + "\n");
                        }
                    } catch (java.io.IOException e) {
                        // the daemon was killed
                    }
                });
            }
            Thread.sleep(400 + 150 * run);
            daemon.signal("KILL");
            for (int c = 0; c < clients; c++) {
                readers[c].join(10_000);
                sockets[c].close();
                writers[c].join(10_000);
            }
            assertThat(daemon.awaitExit(Duration.ofSeconds(10))).isTrue();
            Set<String> logged = loggedInputs(daemon);
            long total = 0;
            for (int c = 0; c < clients; c++) {
                int n = acked[c].get();
                total += n;
                for (int i = 0; i < n; i++) {
                    String expected = "flood " + c + " " + i + " " + "z".repeat(40);
                    if (!logged.contains(expected)) {
                        throw new AssertionError("run " + run + ": client " + c + " line " + i + " of " + n
                                + " acknowledged but not in the log");
                    }
                }
            }
            assertThat(total).as("acknowledged lines in run %d", run).isGreaterThan(1000);
        }
    }
}

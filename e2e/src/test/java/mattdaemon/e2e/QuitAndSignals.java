package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** quit and every catchable signal end the daemon the same orderly way. */
class QuitAndSignals {
    @TempDir
    Path dir;

    @Test
    void quitClosesEveryClientRemovesTheLockAndExits() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).start();
             TestClient other = daemon.connect();
             TestClient quitter = daemon.connect()) {
            other.greeting();
            quitter.greeting();
            assertThat(quitter.request("quit")).containsExactly("+OK Matt_daemon shutting down");
            assertThat(other.readLine()).isEqualTo("* Matt_daemon shutting down");
            assertThat(other.closedByServer()).isTrue();
            assertThat(daemon.awaitExit(Duration.ofSeconds(10))).isTrue();
            assertThat(daemon.lockFile).doesNotExist();
            List<String> log = daemon.logLines();
            assertThat(log.getLast()).endsWith("Matt_daemon: Quitting.");
            assertThat(log).anyMatch(l -> l.endsWith("[ INFO ] - Matt_daemon: Request quit."));
        }
    }

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"TERM,15", "INT,2", "HUP,1", "QUIT,3", "USR1,10", "USR2,12", "ALRM,14"})
    void signalIsLoggedByNameThenTheDaemonStopsCleanly(String name, int number) throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).start()) {
            daemon.signal(name);
            assertThat(daemon.awaitExit(Duration.ofSeconds(10))).isTrue();
            assertThat(daemon.lockFile).doesNotExist();
            List<String> log = daemon.logLines();
            assertThat(log).anyMatch(l -> l.endsWith("[ INFO ] - Matt_daemon: Signal handler: received SIG"
                    + name + " (" + number + ")."));
            assertThat(log.getLast()).endsWith("Matt_daemon: Quitting.");
        }
    }

    @Test
    void aClientThatStopsReadingDoesNotHoldUpTheShutdown() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).start();
             TestClient greedy = daemon.connect()) {
            greedy.greeting();
            greedy.socket().setReceiveBufferSize(4096);
            // requests whose replies fill every buffer on the way, never read
            byte[] burst = "help\n".repeat(200_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    greedy.sendRaw(burst);
                } catch (java.io.IOException e) {
                    // the daemon closed the connection while we were still writing
                }
            });
            daemon.awaitLogCount("Request help.", 2000);
            // the session stalls once every buffer is full: it is then blocked writing a reply
            long handled = -1;
            while (handled != countRequests(daemon)) {
                handled = countRequests(daemon);
                Thread.sleep(500);
            }
            long started = System.nanoTime();
            daemon.signal("TERM");
            assertThat(daemon.awaitExit(Duration.ofSeconds(15))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(daemon.logLines().getLast()).endsWith("Quitting.");
            writer.join(5000);
        }
    }

    private static long countRequests(DaemonUnderTest daemon) throws java.io.IOException {
        return daemon.logLines().stream().filter(l -> l.endsWith("Request help.")).count();
    }

    @Test
    void sigpipeIsIgnored() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).start()) {
            daemon.signal("PIPE");
            Thread.sleep(300);
            assertThat(daemon.alive()).isTrue();
            try (TestClient client = daemon.connect()) {
                client.greeting();
                assertThat(client.request("after sigpipe")).containsExactly("+OK logged");
            }
        }
    }
}

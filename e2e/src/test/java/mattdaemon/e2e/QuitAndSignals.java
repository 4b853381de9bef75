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

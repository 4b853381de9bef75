package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** At most three clients; the fourth is told why and closed; a freed slot is reusable at once. */
class ClientLimit {
    @RegisterExtension
    static final SharedDaemon daemon = new SharedDaemon();

    @Test
    void fourthClientIsRefusedAndAFreedSlotIsReusedAtOnce() throws Exception {
        try (TestClient a = daemon.connect(); TestClient b = daemon.connect(); TestClient c = daemon.connect()) {
            for (TestClient client : new TestClient[] {a, b, c}) {
                assertThat(client.greeting()).endsWith("ready");
            }
            try (TestClient fourth = daemon.connect()) {
                assertThat(fourth.readLine()).startsWith("-ERR MAXCLIENTS ").contains("3 clients");
                assertThat(fourth.readLine()).isNull();
            }
            daemon.awaitLog(l -> l.contains("refused: 3 clients already connected."), java.time.Duration.ofSeconds(5));
            assertThat(a.request("a still served")).containsExactly("+OK logged");
            c.close();
            daemon.awaitLogContaining("Client disconnected");
            try (TestClient d = daemon.connect()) {
                assertThat(d.greeting()).endsWith("ready");
                assertThat(d.request("d took the freed slot")).containsExactly("+OK logged");
            }
        }
    }

    @Test
    void limitIsConfigurable(@org.junit.jupiter.api.io.TempDir Path other) throws Exception {
        try (DaemonUnderTest one = new DaemonUnderTest(other).with("--max-clients", "1").start();
             TestClient first = one.connect();
             TestClient second = one.connect()) {
            assertThat(first.greeting()).endsWith("ready");
            assertThat(second.readLine()).startsWith("-ERR MAXCLIENTS");
        }
    }
}

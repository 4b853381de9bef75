package mattdaemon.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mattdaemon.client.RunningDaemon;

/** Notices reach the listener; when the daemon goes away, waiting requests fail instead of hanging. */
class NoticesAndShutdown {

    @Test
    void quitIsAnsweredThenNoticedThenTheConnectionEnds(@TempDir Path dir) throws Exception {
        try (RunningDaemon daemon = RunningDaemon.start(dir)) {
            DaemonConnection c = new Connector(Duration.ofSeconds(10)).connect(ConnectRequest.plain("127.0.0.1", daemon.port()));
            List<String> notices = new CopyOnWriteArrayList<>();
            CompletableFuture<Throwable> closed = new CompletableFuture<>();
            c.listen(new ConnectionListener() {
                @Override
                public void notice(String text) {
                    notices.add(text);
                }

                @Override
                public void stateChanged(SessionState state) {
                }

                @Override
                public void closed(Throwable cause) {
                    closed.complete(cause);
                }
            });
            Reply quit = c.send("quit").get(10, TimeUnit.SECONDS);
            assertThat(quit.statusLine()).isEqualTo("+OK Matt_daemon shutting down");
            assertThat(closed.get(10, TimeUnit.SECONDS)).isNull();
            assertThat(notices).contains("Matt_daemon shutting down");
            assertThat(c.isClosed()).isTrue();
            assertThat(c.state().connected()).isFalse();
            assertThatThrownBy(() -> c.send("help").get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ConnectionClosedException.class);
            assertThat(daemon.awaitExit(10)).isTrue();
        }
    }
}

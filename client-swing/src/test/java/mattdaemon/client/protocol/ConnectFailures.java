package mattdaemon.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mattdaemon.client.RunningDaemon;
import mattdaemon.client.protocol.ConnectFailure.Reason;

/** Each way a connect fails is told apart and explained. */
class ConnectFailures {
    private final Connector connector = new Connector(Duration.ofSeconds(5));

    @Test
    void aStoppedDaemonIsReportedAsNotRunning() throws Exception {
        int port = RunningDaemon.freePort();
        ConnectFailure failure = catchThrowableOfType(ConnectFailure.class,
                () -> connector.connect(ConnectRequest.plain("127.0.0.1", port)));
        assertThat(failure.reason()).isEqualTo(Reason.DOWN);
        assertThat(failure.getMessage()).contains("not running on 127.0.0.1:" + port, "connection refused");
    }

    @Test
    void theClientLimitIsReportedAsSuch(@TempDir Path dir) throws Exception {
        try (RunningDaemon daemon = RunningDaemon.start(dir, "--max-clients", "1");
             DaemonConnection holder = connector.connect(ConnectRequest.plain("127.0.0.1", daemon.port()))) {
            ConnectFailure failure = catchThrowableOfType(ConnectFailure.class,
                    () -> connector.connect(ConnectRequest.plain("127.0.0.1", daemon.port())));
            assertThat(failure.reason()).isEqualTo(Reason.MAXCLIENTS);
            assertThat(failure.getMessage()).contains("already serves all the clients it allows", "1 client");
            assertThat(holder.isClosed()).isFalse();
        }
    }

    @Test
    void somethingElseListeningIsNotTakenForTheDaemon() throws Exception {
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread.ofVirtual().start(() -> {
                try (Socket s = other.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.UTF_8));
                    s.getInputStream().read();
                } catch (Exception e) {
                    // the client hung up
                }
            });
            ConnectFailure failure = catchThrowableOfType(ConnectFailure.class,
                    () -> connector.connect(ConnectRequest.plain("127.0.0.1", other.getLocalPort())));
            assertThat(failure.reason()).isEqualTo(Reason.PROTOCOL);
            assertThat(failure.getMessage()).contains("is not a Matt_daemon", "SSH-2.0");
        }
    }
}

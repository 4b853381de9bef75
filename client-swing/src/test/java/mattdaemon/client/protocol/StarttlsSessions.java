package mattdaemon.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mattdaemon.client.RunningDaemon;

/**
 * {@code starttls} against the real daemon: the certificate is pinned on first use and a
 * different one refused; nothing travels in plaintext between {@code starttls} and the
 * handshake in either direction.
 */
class StarttlsSessions {
    static final String DISCARDED = "plaintext sent after starttls discarded.";

    @TempDir
    static Path dir;
    static RunningDaemon daemon;
    final Connector connector = new Connector(Duration.ofSeconds(20));

    @BeforeAll
    static void start() throws Exception {
        daemon = RunningDaemon.start(dir);
    }

    @AfterAll
    static void stop() {
        daemon.close();
    }

    static Reply await(CompletableFuture<Reply> reply) throws Exception {
        return reply.get(20, TimeUnit.SECONDS);
    }

    @Test
    void theCertificateIsPinnedOnFirstUseAndAnotherRefused() throws Exception {
        String fingerprint;
        try (DaemonConnection first = connector.connect(new ConnectRequest("127.0.0.1", daemon.port(), true, "", null))) {
            assertThat(first.state().encoding()).isEqualTo("TLS");
            fingerprint = first.pin().seen().orElseThrow();
            assertThat(await(first.send("daemoninfo")).body()).contains("tls certificate sha-256: " + fingerprint);
        }
        try (DaemonConnection again = connector.connect(
                new ConnectRequest("127.0.0.1", daemon.port(), true, "", CertificatePin.of(fingerprint)))) {
            assertThat(await(again.send("help help")).ok()).isTrue();
        }
        String other = fingerprint.substring(0, fingerprint.length() - 2) + (fingerprint.endsWith("00") ? "01" : "00");
        ConnectFailure failure = catchThrowableOfType(ConnectFailure.class,
                () -> connector.connect(new ConnectRequest("127.0.0.1", daemon.port(), true, "", CertificatePin.of(other))));
        assertThat(failure.reason()).isEqualTo(ConnectFailure.Reason.TLS);
        assertThat(failure.getMessage()).contains("certificate changed");
    }

    @Test
    void requestsQueuedBehindStarttlsWaitForTheHandshake() throws Exception {
        try (DaemonConnection c = connector.connect(ConnectRequest.plain("127.0.0.1", daemon.port()))) {
            CompletableFuture<Reply> tls = c.send("starttls");
            CompletableFuture<Reply> behind = c.send("queued behind starttls");
            CompletableFuture<Reply> info = c.send("daemoninfo");
            assertThat(await(tls).text()).startsWith("begin TLS handshake; certificate SHA-256 ");
            assertThat(await(behind).statusLine()).isEqualTo("+OK logged");
            assertThat(await(info).body()).anySatisfy(l -> assertThat(l).startsWith("tls certificate sha-256: "));
            assertThat(c.state().encoding()).isEqualTo("TLS");
        }
        // sent before the handshake, it would have been dropped by the daemon (or broken the
        // handshake), never answered over TLS nor logged
        daemon.awaitLog("User input: queued behind starttls", 20);
    }

    /** What the daemon does with plaintext a client sends between starttls and its handshake. */
    @Test
    void plaintextInjectedAfterStarttlsIsDiscardedByTheDaemon() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", daemon.port())) {
            LineChannel channel = new LineChannel(socket);
            assertThat(channel.readLine()).startsWith("* Matt_daemon");
            socket.getOutputStream().write("starttls\ninjected after starttls\n".getBytes(StandardCharsets.UTF_8));
            assertThat(channel.readLine()).startsWith("+OK begin TLS handshake");
            channel.upgrade(TlsUpgrade.over(socket, "127.0.0.1", daemon.port(), CertificatePin.firstUse()));
            channel.writeLine("said after the handshake");
            assertThat(channel.readLine()).isEqualTo("+OK logged");
        }
        daemon.awaitLog(DISCARDED, 20);
        daemon.awaitLog("User input: said after the handshake", 20);
        assertThat(daemon.log()).noneMatch(l -> l.contains("injected after starttls"));
    }

    /**
     * Someone in the middle adds lines after the daemon's {@code +OK} to starttls, hoping the
     * client takes them for replies once TLS is up. The client drops what it read before the
     * handshake, so the next request gets the daemon's own reply.
     */
    @Test
    void linesInjectedBeforeTheHandshakeNeverPassAsReplies() throws Exception {
        try (InjectingRelay relay = new InjectingRelay(daemon.port(), "| injected\n+OK injected\n");
             DaemonConnection c = connector.connect(new ConnectRequest("127.0.0.1", relay.port(), true, "", null))) {
            assertThat(relay.injected()).isTrue();
            assertThat(c.state().encoding()).isEqualTo("TLS");
            Reply info = await(c.send("daemoninfo"));
            assertThat(info.statusLine()).isEqualTo("+OK daemoninfo");
            assertThat(info.body()).doesNotContain("injected");
        }
    }

    /**
     * Relays one connection to the daemon and, in the same write as the daemon's reply to
     * {@code starttls}, sends extra plaintext lines of its own; after that it relays bytes as
     * they are (the TLS handshake and records).
     */
    static final class InjectingRelay implements AutoCloseable {
        private final ServerSocket server = new ServerSocket();
        private final CompletableFuture<Boolean> injected = new CompletableFuture<>();

        InjectingRelay(int daemonPort, String injection) throws IOException {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread.ofPlatform().daemon().start(() -> {
                try (Socket client = server.accept(); Socket upstream = new Socket("127.0.0.1", daemonPort)) {
                    Thread.ofPlatform().daemon().start(() -> pump(client, upstream));
                    InputStream fromDaemon = upstream.getInputStream();
                    OutputStream toClient = client.getOutputStream();
                    StringBuilder line = new StringBuilder();
                    int b;
                    while ((b = fromDaemon.read()) >= 0) {
                        line.append((char) b);
                        if (b == '\n') {
                            boolean starttls = line.toString().startsWith("+OK begin TLS");
                            String out = starttls ? line + injection : line.toString();
                            toClient.write(out.getBytes(StandardCharsets.ISO_8859_1));
                            toClient.flush();
                            line.setLength(0);
                            if (starttls) {
                                injected.complete(true);
                                break;
                            }
                        }
                    }
                    fromDaemon.transferTo(toClient);
                } catch (IOException e) {
                    // a side hung up
                } finally {
                    injected.complete(false);
                }
            });
        }

        private static void pump(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException e) {
                // a side hung up
            }
        }

        int port() {
            return server.getLocalPort();
        }

        boolean injected() throws Exception {
            return injected.get(20, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}

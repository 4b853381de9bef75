package mattdaemon.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mattdaemon.client.protocol.ConnectFailure.Reason;

/**
 * {@code daemoncrypt}, {@code starttls} and {@code auth} from the client's side, against a
 * stand-in that speaks them as the protocol defines: the real daemon does not offer them yet.
 */
class CodecTlsAndAuth {
    @TempDir
    static Path dir;
    static KeyStore store;
    final Connector connector = new Connector(Duration.ofSeconds(10));

    @BeforeAll
    static void makeCertificate() throws Exception {
        store = StandInDaemon.selfSigned(dir);
    }

    static Reply await(CompletableFuture<Reply> reply) throws Exception {
        return reply.get(10, TimeUnit.SECONDS);
    }

    @Test
    void daemoncryptSwitchesBothDirectionsAfterItsReplyAndBack() throws Exception {
        try (StandInDaemon daemon = new StandInDaemon(store, false);
             DaemonConnection c = connector.connect(ConnectRequest.plain("127.0.0.1", daemon.port()))) {
            CompletableFuture<Reply> on = c.send("daemoncrypt on");
            CompletableFuture<Reply> echo = c.send("echo clé ✓");
            assertThat(await(on).text()).isEqualTo("lines are Base64 from now on");
            assertThat(await(echo).body()).containsExactly("clé ✓");
            assertThat(c.state().encoding()).isEqualTo("Base64");
            assertThat(daemon.wire).contains("daemoncrypt on", WireCodec.BASE64.encode("echo clé ✓"));
            assertThat(await(c.send("daemoncrypt off")).ok()).isTrue();
            assertThat(await(c.send("echo plain again")).body()).containsExactly("plain again");
            assertThat(daemon.wire).contains(WireCodec.BASE64.encode("daemoncrypt off"), "echo plain again");
            assertThat(c.state().codec()).isEqualTo(WireCodec.PLAIN);
        }
    }

    @Test
    void starttlsPinsTheCertificateOnFirstUseAndDropsWhatCameBeforeTheHandshake() throws Exception {
        try (StandInDaemon daemon = new StandInDaemon(store, false);
             DaemonConnection c = connector.connect(new ConnectRequest("127.0.0.1", daemon.port(), true, "", null))) {
            assertThat(c.state().tls()).isTrue();
            assertThat(c.state().encoding()).isEqualTo("TLS");
            assertThat(c.pin().seen()).contains(CertificatePin.fingerprint(daemon.certificate));
            assertThat(await(c.send("echo over TLS")).body()).containsExactly("over TLS");
            assertThat(await(c.send("daemoncrypt on")).ok()).isTrue();
            assertThat(c.state().encoding()).isEqualTo("TLS + Base64");
        }
    }

    @Test
    void aCertificateOtherThanThePinnedOneIsRefused() throws Exception {
        try (StandInDaemon daemon = new StandInDaemon(store, false)) {
            String other = "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF";
            ConnectRequest request = new ConnectRequest("127.0.0.1", daemon.port(), true, "", CertificatePin.of(other));
            ConnectFailure failure = catchThrowableOfType(ConnectFailure.class, () -> connector.connect(request));
            assertThat(failure.reason()).isEqualTo(Reason.TLS);
            assertThat(failure.getMessage()).contains("certificate changed", CertificatePin.fingerprint(daemon.certificate));
        }
    }

    @Test
    void theRightPasswordAuthenticatesAndAWrongOneIsToldAsSuch() throws Exception {
        try (StandInDaemon daemon = new StandInDaemon(store, true)) {
            ConnectFailure wrong = catchThrowableOfType(ConnectFailure.class, () -> connector.connect(
                    new ConnectRequest("127.0.0.1", daemon.port(), false, "guess", null)));
            assertThat(wrong.reason()).isEqualTo(Reason.AUTH);
            assertThat(wrong.getMessage()).contains("Wrong password", "-ERR AUTH wrong password");
        }
        try (StandInDaemon daemon = new StandInDaemon(store, true)) {
            ConnectFailure none = catchThrowableOfType(ConnectFailure.class, () -> connector.connect(
                    ConnectRequest.plain("127.0.0.1", daemon.port())));
            assertThat(none.getMessage()).isEqualTo("This daemon requires a password.");
        }
        try (StandInDaemon daemon = new StandInDaemon(store, true);
             DaemonConnection c = connector.connect(
                     new ConnectRequest("127.0.0.1", daemon.port(), false, StandInDaemon.PASSWORD, null))) {
            assertThat(c.greeting().passwordRequired()).isTrue();
            assertThat(c.state().authenticated()).isTrue();
        }
    }
}

package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** daemoncrypt (Base64 lines) and starttls (TLS 1.3 with a pinned certificate). */
class EncryptedSessions {
    @RegisterExtension
    static final SharedDaemon daemon = new SharedDaemon();
    static String fingerprint;

    @BeforeAll
    static void installCryptAndLearnTheFingerprint() throws Exception {
        ShippedPlugins.install(daemon.pluginDir, "crypt");
        String line = daemon.awaitLog(l -> l.contains("TLS certificate SHA-256 fingerprint: "), Duration.ofSeconds(30));
        fingerprint = line.substring(line.indexOf("fingerprint: ") + 13, line.length() - 1);
    }


    @Test
    void base64RoundTripAndGarbage() throws Exception {
        try (TestClient client = daemon.connect()) {
            client.greeting();
            client.request("help");
            assertThat(client.request("daemoncrypt on")).containsExactly("+OK daemoncrypt on: lines are Base64 from now on");
            client.useBase64(true);
            assertThat(client.request("hello in base64 é")).containsExactly("+OK logged");
            assertThat(client.request("daemoninfo")).contains("| session codec: base64");
            client.useBase64(false);
            client.send("!!! not base64 !!!");
            client.useBase64(true);
            assertThat(client.readReply().getFirst()).startsWith("-ERR CODEC line is not valid base64");
            client.useBase64(false);
            client.send(Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe}));
            client.useBase64(true);
            assertThat(client.readReply().getFirst()).isEqualTo("-ERR CODEC line is not valid base64: decoded bytes are not UTF-8");
            assertThat(client.request("daemoncrypt")).containsExactly("+OK daemoncrypt off: plain lines from now on");
            client.useBase64(false);
            assertThat(client.request("plain again")).containsExactly("+OK logged");
        }
        daemon.awaitLog(l -> l.endsWith("User input: hello in base64 é"), Duration.ofSeconds(5));
        daemon.awaitLog(l -> l.contains("undecodable base64 line: !!! not base64 !!!"), Duration.ofSeconds(5));
    }

    @Test
    void starttlsWithAPinnedCertificate() throws Exception {
        try (TestClient client = daemon.connect()) {
            client.greeting();
            assertThat(client.request("daemoninfo")).contains("| tls certificate sha-256: " + fingerprint);
            assertThat(client.request("starttls")).containsExactly("+OK begin TLS handshake; certificate SHA-256 " + fingerprint);
            client.startTls(fingerprint);
            assertThat(client.request("over tls")).containsExactly("+OK logged");
            assertThat(client.request("starttls")).containsExactly("-ERR TLS this connection already uses TLS");
        }
        daemon.awaitLog(l -> l.endsWith("User input: over tls"), Duration.ofSeconds(5));
        daemon.awaitLogContaining("now uses TLSv1.3.");
    }

    @Test
    void keyAndItsPasswordAreRootOnlyFiles() throws Exception {
        for (String name : new String[] {"tls.p12", "tls.pass"}) {
            Path file = daemon.stateDir.resolve(name);
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file)))
                    .as(name).isEqualTo("rw-------");
            assertThat(java.nio.file.Files.getOwner(file).getName()).isEqualTo("root");
        }
    }

    @Test
    void wrongPinIsRejectedByTheClient() throws Exception {
        try (TestClient client = daemon.connect()) {
            client.greeting();
            client.request("starttls");
            assertThatThrownBy(() -> client.startTls("00:11:22")).hasMessageContaining("pinned");
        }
    }

    @Test
    void plaintextSentBehindStarttlsIsDiscarded() throws Exception {
        try (TestClient client = daemon.connect()) {
            client.greeting();
            client.request("help");
            client.sendRaw("starttls\nquit\n".getBytes(StandardCharsets.UTF_8));
            assertThat(client.readReply()).singleElement().asString().startsWith("+OK begin TLS handshake");
            client.startTls(fingerprint);
            assertThat(client.request("still alive")).containsExactly("+OK logged");
        }
        daemon.awaitLogContaining("plaintext sent after starttls discarded.");
        assertThat(daemon.alive()).isTrue();
    }

    @Test
    void tlsCanBeRequiredBeforeAnythingElse(@TempDir Path other) throws Exception {
        try (DaemonUnderTest strict = new DaemonUnderTest(other).with("--tls-required", "true").start();
             TestClient client = strict.connect()) {
            assertThat(client.greeting()).isEqualTo("* Matt_daemon 1.0.0 ready, TLS required");
            assertThat(client.request("auth something")).containsExactly("-ERR TLSREQUIRED this daemon requires TLS: send starttls first");
            assertThat(client.request("hello")).containsExactly("-ERR TLSREQUIRED this daemon requires TLS: send starttls first");
            String reply = client.request("starttls").getFirst();
            client.startTls(reply.substring(reply.lastIndexOf(' ') + 1));
            assertThat(client.request("hello")).containsExactly("+OK logged");
        }
    }
}

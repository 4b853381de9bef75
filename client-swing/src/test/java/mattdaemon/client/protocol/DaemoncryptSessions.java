package mattdaemon.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code daemoncrypt} against the real daemon with its shipped {@code crypt} plugin: the client
 * follows every switch the daemon makes, so each line after it travels the way the daemon now
 * reads and writes. The daemon is the judge: a line in the wrong form gets {@code -ERR CODEC}
 * or is not understood, and a reply in the wrong form cannot be read.
 */
class DaemoncryptSessions {
    @TempDir
    static Path dir;
    static RunningDaemon daemon;

    @BeforeAll
    static void start() throws Exception {
        RunningDaemon.installShippedPlugin(dir, "crypt");
        daemon = RunningDaemon.start(dir);
        daemon.awaitLog("Plugin loaded: crypt", 30);
    }

    @AfterAll
    static void stop() {
        daemon.close();
    }

    static DaemonConnection connect(boolean tls) throws ConnectFailure {
        return new Connector(Duration.ofSeconds(20)).connect(new ConnectRequest("127.0.0.1", daemon.port(), tls, "", null));
    }

    static Reply await(CompletableFuture<Reply> reply) throws Exception {
        return reply.get(20, TimeUnit.SECONDS);
    }

    static String codecSeenByTheDaemon(DaemonConnection c) throws Exception {
        return KeyValues.of(await(c.send("daemoninfo"))).stream()
                .filter(e -> e.getKey().equals("session codec")).findFirst().orElseThrow().getValue();
    }

    @Test
    void onSwitchesBothDirectionsAfterItsReplyAndOffSwitchesBack() throws Exception {
        try (DaemonConnection c = connect(false)) {
            CompletableFuture<Reply> on = c.send("daemoncrypt on");
            // queued before the reply to "on" came: must still leave in Base64
            CompletableFuture<Reply> message = c.send("clé ✓ sent in Base64");
            assertThat(await(on).statusLine()).isEqualTo("+OK daemoncrypt on: lines are Base64 from now on");
            assertThat(await(message).statusLine()).isEqualTo("+OK logged");
            assertThat(c.state().encoding()).isEqualTo("Base64");
            assertThat(codecSeenByTheDaemon(c)).isEqualTo("base64");
            daemon.awaitLog("User input: clé ✓ sent in Base64", 20);

            assertThat(await(c.send("daemoncrypt off")).statusLine()).isEqualTo("+OK daemoncrypt off: plain lines from now on");
            assertThat(c.state().codec()).isEqualTo(WireCodec.PLAIN);
            assertThat(codecSeenByTheDaemon(c)).isEqualTo("plain");
            assertThat(await(c.send("last line of the Base64 round trip")).statusLine()).isEqualTo("+OK logged");
        }
        // the log keeps the order of events: once this line is in, every line before it is
        daemon.awaitLog("User input: last line of the Base64 round trip", 20);
        assertThat(daemon.log()).noneMatch(l -> l.contains("undecodable"));
    }

    @Test
    void daemoncryptAloneTogglesAndTheClientFollows() throws Exception {
        try (DaemonConnection c = connect(false)) {
            assertThat(await(c.send("daemoncrypt")).statusLine()).isEqualTo("+OK daemoncrypt on: lines are Base64 from now on");
            assertThat(c.state().encoding()).isEqualTo("Base64");
            assertThat(codecSeenByTheDaemon(c)).isEqualTo("base64");
            assertThat(await(c.send("daemoncrypt")).statusLine()).isEqualTo("+OK daemoncrypt off: plain lines from now on");
            assertThat(c.state().encoding()).isEqualTo("plain");
            assertThat(codecSeenByTheDaemon(c)).isEqualTo("plain");
        }
    }

    @Test
    void onWhenAlreadyOnChangesNothing() throws Exception {
        try (DaemonConnection c = connect(false)) {
            await(c.send("daemoncrypt on"));
            assertThat(await(c.send("daemoncrypt on")).statusLine()).isEqualTo("+OK daemoncrypt already on");
            assertThat(c.state().encoding()).isEqualTo("Base64");
            assertThat(codecSeenByTheDaemon(c)).isEqualTo("base64");
        }
    }

    @Test
    void starttlsIsRefusedWhileBase64IsOnAndTheSessionGoesOn() throws Exception {
        try (DaemonConnection c = connect(false)) {
            await(c.send("daemoncrypt on"));
            Reply tls = await(c.send("starttls"));
            assertThat(tls.statusLine()).isEqualTo("-ERR TLS turn base64 off before starttls");
            assertThat(c.state().encoding()).isEqualTo("Base64");
            assertThat(codecSeenByTheDaemon(c)).isEqualTo("base64");
        }
    }

    @Test
    void base64InsideTls() throws Exception {
        try (DaemonConnection c = connect(true)) {
            assertThat(await(c.send("daemoncrypt on")).ok()).isTrue();
            assertThat(c.state().encoding()).isEqualTo("TLS + Base64");
            assertThat(codecSeenByTheDaemon(c)).isEqualTo("base64");
            assertThat(await(c.send("over TLS in Base64")).statusLine()).isEqualTo("+OK logged");
        }
        daemon.awaitLog("User input: over TLS in Base64", 20);
    }
}

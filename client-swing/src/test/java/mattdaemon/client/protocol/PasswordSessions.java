package mattdaemon.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mattdaemon.client.RunningDaemon;
import mattdaemon.client.protocol.ConnectFailure.Reason;

/**
 * {@code auth} against the real daemon, once another client has set a password with
 * {@code daemonpass}: the right password opens the session, a missing or wrong one is told
 * as such, and with TLS the password is only sent once the connection is encrypted.
 */
class PasswordSessions {
    static final String PASSWORD = "open-sesame-42";

    @TempDir
    static Path dir;
    static RunningDaemon daemon;
    final Connector connector = new Connector(Duration.ofSeconds(20));

    @BeforeAll
    static void start() throws Exception {
        daemon = RunningDaemon.start(dir);
        daemon.setPassword(PASSWORD);
    }

    @AfterAll
    static void stop() {
        daemon.close();
    }

    ConnectRequest request(boolean tls, String password) {
        return new ConnectRequest("127.0.0.1", daemon.port(), tls, password, null);
    }

    @Test
    void theRightPasswordOpensTheSession() throws Exception {
        try (DaemonConnection c = connector.connect(request(false, PASSWORD))) {
            assertThat(c.greeting().passwordRequired()).isTrue();
            assertThat(c.state().authenticated()).isTrue();
            assertThat(c.send("daemoninfo").get(20, TimeUnit.SECONDS).body()).contains("password protection: on");
        }
        daemon.awaitLog(") authenticated.", 20);
        assertThat(daemon.log()).noneMatch(l -> l.contains(PASSWORD));
    }

    @Test
    void noPasswordIsToldAsRequired() {
        ConnectFailure none = catchThrowableOfType(ConnectFailure.class, () -> connector.connect(request(false, "")));
        assertThat(none.reason()).isEqualTo(Reason.AUTH);
        assertThat(none.getMessage()).isEqualTo("This daemon requires a password.");
    }

    @Test
    void aWrongPasswordIsToldAsSuchAfterTheDaemonsDelay() throws Exception {
        long start = System.nanoTime();
        ConnectFailure wrong = catchThrowableOfType(ConnectFailure.class, () -> connector.connect(request(false, "not-the-password")));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(wrong.reason()).isEqualTo(Reason.AUTH);
        assertThat(wrong.getMessage()).startsWith("Wrong password")
                .contains("127.0.0.1:" + daemon.port(), "-ERR AUTH wrong password (2 attempts left)");
        assertThat(millis).as("the daemon answers a wrong password after 1 s").isGreaterThanOrEqualTo(1000);
        daemon.awaitLog("attempt 1/3", 20);
        assertThat(daemon.log()).noneMatch(l -> l.contains("not-the-password"));
    }

    @Test
    void withTlsThePasswordIsSentOnlyOnceEncrypted() throws Exception {
        try (DaemonConnection c = connector.connect(request(true, PASSWORD))) {
            assertThat(c.state().authenticated()).isTrue();
            assertThat(c.state().encoding()).isEqualTo("TLS");
            assertThat(c.send("still here").get(20, TimeUnit.SECONDS).statusLine()).isEqualTo("+OK logged");
        }
        daemon.awaitLog("User input: still here", 20);
        // the session that went TLS authenticated only after its handshake
        List<String> log = daemon.log();
        List<String> tlsSessions = log.stream().filter(l -> l.endsWith(" now uses TLSv1.3.")).map(PasswordSessions::session).toList();
        assertThat(tlsSessions).hasSize(1);
        String session = tlsSessions.getFirst();
        assertThat(indexOf(log, session + " now uses TLSv1.3.")).isLessThan(indexOf(log, session + " authenticated."));
    }

    /** "(session N)" of a log line about a client. */
    private static String session(String line) {
        int start = line.indexOf("(session ");
        return line.substring(start, line.indexOf(')', start) + 1);
    }

    private static int indexOf(List<String> log, String text) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}

package mattdaemon.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import mattdaemon.api.DaemonStatus;
import mattdaemon.api.Reply;
import mattdaemon.core.command.BuiltInCommands;
import mattdaemon.core.plugin.CommandRegistry;
import mattdaemon.core.plugin.RefusedPlugins;
import mattdaemon.core.protocol.LineReader;
import mattdaemon.core.protocol.LineRun;
import mattdaemon.core.protocol.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of request gets its one reply and its one log line; session changes come back as values. */
final class RequestHandlerAnswersEveryRequestOnce {
    private static final DaemonStatus STATUS = new DaemonStatus("1", 1, Instant.EPOCH, 1, 0, 3, 0,
            Path.of("/dev/null"), false, "");

    @TempDir
    Path temp;
    private SessionFixture fixture;
    private RequestHandler handler;

    @BeforeEach
    void open() throws IOException {
        fixture = new SessionFixture(temp);
        handler = new RequestHandler(new CommandRegistry(BuiltInCommands.all(new RefusedPlugins()), fixture.log), fixture.log, fixture.events,
                fixture.policy(false), (id, text) -> { }, () -> STATUS, () -> { });
    }

    @AfterEach
    void close() {
        handler.close();
        fixture.close();
    }

    @Test
    void aLineNamingNoCommandIsLoggedEscaped() throws IOException {
        Outcome outcome = handler.handle(fixture.caller(false), new Request.Text("hello\u001b[2J"));
        assertThat(outcome).isEqualTo(Outcome.of(Reply.ok("logged")));
        assertThat(fixture.logLinesAfterClose()).anyMatch(l -> l.endsWith("[ LOG ] - Matt_daemon: User input: hello\\x1b[2J"));
    }

    @Test
    void quitComesBackAsAShutdownChange() {
        Outcome outcome = handler.handle(fixture.caller(false), new Request.Text("quit"));
        assertThat(outcome.reply()).isEqualTo(Reply.ok("Matt_daemon shutting down"));
        assertThat(outcome.changes()).containsExactly(new SessionChange.Shutdown("quit from 127.0.0.1:5000"));
    }

    @Test
    void aSecretAfterATabIsNeverLogged() throws IOException {
        handler.handle(fixture.caller(false), new Request.Text("daemonpass\tsupersecret1"));
        handler.handle(fixture.caller(false), new Request.Text("auth\tsupersecret1"));
        assertThat(fixture.logLinesAfterClose()).noneMatch(l -> l.contains("supersecret1"))
                .anyMatch(l -> l.endsWith("Request daemonpass (protection on)."));
    }

    @Test
    void linesThatAreNoTextGetTheirOwnErrors() throws IOException {
        SessionFixture.TestCaller caller = fixture.caller(false);
        assertThat(handler.handle(caller, new Request.NotUtf8(new byte[] {'a', (byte) 0xff})).reply())
                .isEqualTo(Reply.error("ENCODING", "line is not valid UTF-8; logged with \\xNN escapes"));
        assertThat(handler.handle(caller, new Request.TooLong(70_000, 65_536)).reply())
                .isEqualTo(Reply.error("TOOLONG", "line of 70000 bytes discarded: the limit is 65536 bytes"));
        assertThat(handler.handle(caller, new Request.Undecodable("base64", "!!\u0007", "bad")).reply())
                .isEqualTo(Reply.error("CODEC", "line is not valid base64: bad"));
        assertThat(fixture.logLinesAfterClose())
                .anyMatch(l -> l.endsWith("User input: a\\xff"))
                .anyMatch(l -> l.endsWith("(session 7) had a line of 70000 bytes discarded, over the 65536-byte limit."))
                .anyMatch(l -> l.endsWith("(session 7) sent an undecodable base64 line: !!\\x07"));
    }

    @Test
    void aLineThatIsNotUtf8IsRefusedLikeAnyOtherBeforeAuthentication() throws IOException {
        fixture.protection.set("correct horse".toCharArray());
        Reply reply = handler.handle(fixture.caller(false), new Request.NotUtf8("x\u00ff".getBytes(StandardCharsets.ISO_8859_1))).reply();
        assertThat(reply.text()).isEqualTo("authentication required: auth <password>");
        assertThat(fixture.logLinesAfterClose()).noneMatch(l -> l.contains("User input"));
    }

    @Test
    void aRunIsLoggedAndAnsweredAsEachOfItsLinesAlone() throws IOException {
        SessionFixture.TestCaller caller = fixture.caller(false);
        String text = "x\nfirst message\n  spaced  \nhelpme please\n\nlast one\n";
        LineReader reader = new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), 1024);
        reader.next();
        LineRun run = reader.takeRun(new LineRun(), handler.commandWords());
        assertThat(run.size()).isEqualTo(5);
        assertThat(handler.takesRuns(caller)).isTrue();
        RequestHandler.RunReplies fromRun = handler.logRun(caller, run);
        assertThat(fromRun.logged()).isEqualTo(5);
        for (String line : List.of("first message", "  spaced  ", "helpme please", "", "last one")) {
            assertThat(handler.handle(caller, new Request.Text(line)).reply()).isEqualTo(RequestHandler.logged());
        }
        List<String> logged = fixture.logLinesAfterClose().stream()
                .filter(l -> l.contains("User input: ")).map(l -> l.substring(l.indexOf("] [ "))).toList();
        assertThat(logged).hasSize(10);
        assertThat(logged.subList(0, 5)).isEqualTo(logged.subList(5, 10));
    }

    @Test
    void aRunStopsBeforeALineNamingACommand() throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream("x\nmessage\nhelp\n".getBytes(StandardCharsets.US_ASCII)), 1024);
        reader.next();
        assertThat(reader.takeRun(new LineRun(), handler.commandWords()).size()).isEqualTo(1);
        assertThat(reader.next()).isInstanceOfSatisfying(LineReader.Input.Line.class,
                line -> assertThat(new String(line.bytes(), StandardCharsets.US_ASCII)).isEqualTo("help"));
    }

    @Test
    void noRunIsTakenBeforeAuthenticationNorThroughACodec() throws IOException {
        assertThat(handler.takesRuns(fixture.caller(false))).isTrue();
        fixture.protection.set("correct horse".toCharArray());
        assertThat(handler.takesRuns(fixture.caller(false))).isFalse();
        SessionFixture.TestCaller base64 = new SessionFixture.TestCaller(8, "127.0.0.1:5001", java.net.InetAddress.getLoopbackAddress(),
                new ReversedLines(), false, new mattdaemon.core.auth.AuthState(),
                new mattdaemon.core.log.SessionLog(fixture.log, "127.0.0.1:5001", 8));
        assertThat(handler.takesRuns(base64)).isFalse();
        assertThat(fixture.logLinesAfterClose()).noneMatch(l -> l.contains("refused"));
    }

    /** A codec other than plain: its lines must be decoded before they are anything. */
    private static final class ReversedLines implements mattdaemon.api.LineCodec {
        @Override
        public String name() {
            return "reversed";
        }

        @Override
        public String encode(String line) {
            return new StringBuilder(line).reverse().toString();
        }

        @Override
        public String decode(String line) {
            return encode(line);
        }
    }
}

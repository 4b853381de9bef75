package mattdaemon.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mattdaemon.client.RunningDaemon;

/** Greeting, replies, pipelining and the command list, against the real daemon. */
class RequestsAgainstTheRealDaemon {
    @TempDir
    static Path dir;
    static RunningDaemon daemon;

    @BeforeAll
    static void start() throws Exception {
        daemon = RunningDaemon.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        daemon.close();
    }

    static DaemonConnection connect() throws ConnectFailure {
        return new Connector(Duration.ofSeconds(10)).connect(ConnectRequest.plain("127.0.0.1", daemon.port()));
    }

    static Reply await(CompletableFuture<Reply> reply) throws Exception {
        return reply.get(10, TimeUnit.SECONDS);
    }

    @Test
    void greetingNamesTheVersionAndNoPasswordIsAsked() throws Exception {
        try (DaemonConnection c = connect()) {
            assertThat(c.greeting().version()).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(c.greeting().passwordRequired()).isFalse();
            assertThat(c.state()).isEqualTo(new SessionState(true, false, WireCodec.PLAIN, false));
            assertThat(c.state().encoding()).isEqualTo("plain");
        }
    }

    @Test
    void helpListsTheBuiltInCommandsWithSummaries() throws Exception {
        try (DaemonConnection c = connect()) {
            Reply help = await(c.send("help"));
            assertThat(help.ok()).isTrue();
            assertThat(help.text()).startsWith(help.body().size() + " commands");
            List<CommandInfo> commands = CommandInfo.fromHelp(help);
            assertThat(commands).extracting(CommandInfo::name)
                    .contains("help", "quit", "daemoninfo", "daemonlogs", "clearlogs");
            assertThat(commands).filteredOn(i -> i.name().equals("daemonlogs")).singleElement()
                    .satisfies(i -> {
                        assertThat(i.summary()).isEqualTo("show the last lines of the daemon log");
                        assertThat(i.module()).isEqualTo("mattdaemon.core");
                    });
        }
    }

    @Test
    void daemoninfoReadsAsKeyValues() throws Exception {
        try (DaemonConnection c = connect()) {
            Reply info = await(c.send("daemoninfo"));
            assertThat(KeyValues.looksLikeKeyValues(info)).isTrue();
            assertThat(KeyValues.of(info)).contains(Map.entry("port", String.valueOf(daemon.port())),
                    Map.entry("session codec", "plain"));
        }
    }

    @Test
    void errorsCarryTheirCodeAndMessagesAreLogged() throws Exception {
        try (DaemonConnection c = connect()) {
            Reply unknown = await(c.send("help no-such-command"));
            assertThat(unknown).isInstanceOf(Reply.Error.class);
            assertThat(((Reply.Error) unknown).code()).isEqualTo("UNKNOWN");
            assertThat(unknown.statusLine()).isEqualTo("-ERR UNKNOWN no command named no-such-command");
            Reply message = await(c.send("hello from the protocol client"));
            assertThat(message.statusLine()).isEqualTo("+OK logged");
            // the daemon writes its log a moment after it answers
            daemon.awaitLog("User input: hello from the protocol client", 30);
            Reply logs = await(c.send("daemonlogs 5"));
            assertThat(logs.body()).anySatisfy(l -> assertThat(LogLine.parse(l))
                    .isEqualTo(new LogLine(l.substring(1, 20), "LOG", "User input: hello from the protocol client")));
        }
    }

    @Test
    void pipelinedRequestsGetTheirOwnRepliesInOrder() throws Exception {
        try (DaemonConnection c = connect()) {
            List<CompletableFuture<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                replies.add(c.send(switch (i % 3) {
                    case 0 -> "help daemonlogs";
                    case 1 -> "pipelined message " + i;
                    default -> "help nope" + i;
                }));
            }
            for (int i = 0; i < replies.size(); i++) {
                Reply reply = await(replies.get(i));
                switch (i % 3) {
                    case 0 -> assertThat(reply.body()).first().asString().startsWith("usage: daemonlogs");
                    case 1 -> assertThat(reply.statusLine()).isEqualTo("+OK logged");
                    default -> assertThat(reply.text()).isEqualTo("no command named nope" + i);
                }
            }
        }
    }

    @Test
    void daemoncryptUnknownToTheDaemonLeavesTheWirePlain() throws Exception {
        try (DaemonConnection c = connect()) {
            CompletableFuture<Reply> crypt = c.send("daemoncrypt on");
            // sent while the barrier holds: must still travel plain, since nothing took effect
            CompletableFuture<Reply> after = c.send("help help");
            assertThat(await(crypt).statusLine()).isEqualTo("+OK logged");
            assertThat(await(after).body()).first().asString().isEqualTo("usage: help [command]");
            assertThat(c.state().codec()).isEqualTo(WireCodec.PLAIN);
        }
    }
}

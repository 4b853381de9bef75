package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One received line is one log line, whatever the segmentation, and no client can forge a line. */
class LinesReachTheLog {
    @RegisterExtension
    static final SharedDaemon daemon = new SharedDaemon();

    static long userInputLines(String text) throws Exception {
        return daemon.logLines().stream().filter(l -> l.endsWith("[ LOG ] - Matt_daemon: User input: " + text)).count();
    }

    @Test
    void lineSplitOverSeveralPacketsIsOneLogLine() throws Exception {
        try (TestClient client = daemon.connect()) {
            client.greeting();
            client.socket().setTcpNoDelay(true);
            for (String part : List.of("spl", "it ov", "er pack", "ets\n")) {
                client.sendRaw(part.getBytes(StandardCharsets.UTF_8));
                Thread.sleep(50);
            }
            assertThat(client.readReply()).containsExactly("+OK logged");
            assertThat(userInputLines("split over packets")).isEqualTo(1);
        }
    }

    @Test
    void aCompleteLineIsAnsweredWhileTheNextIsStillComing() throws Exception {
        try (TestClient client = daemon.connect()) {
            client.greeting();
            client.socket().setTcpNoDelay(true);
            client.sendRaw("answered now\nand the rest la".getBytes(StandardCharsets.UTF_8));
            client.socket().setSoTimeout(1000);
            assertThat(client.readReply()).as("not held back by the partial line").containsExactly("+OK logged");
            client.sendRaw("ter\n".getBytes(StandardCharsets.UTF_8));
            assertThat(client.readReply()).containsExactly("+OK logged");
            assertThat(userInputLines("answered now")).isEqualTo(1);
            assertThat(userInputLines("and the rest later")).isEqualTo(1);
        }
    }

    @Test
    void messagesAndCommandsPipelinedInOneWriteAreAnsweredInOrder() throws Exception {
        try (TestClient client = daemon.connect()) {
            client.greeting();
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < 600; i++) {
                batch.append(i % 150 == 7 ? "daemonlogs 1" : i % 50 == 3 ? "caf\u00e9 " + i : "pipelined " + i).append('\n');
            }
            client.sendRaw(batch.toString().getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 600; i++) {
                List<String> reply = client.readReply();
                if (i % 150 == 7) {
                    assertThat(reply.getLast()).as("reply %d", i).startsWith("+OK");
                    assertThat(reply).as("reply %d", i).hasSizeGreaterThan(1);
                } else {
                    assertThat(reply).as("reply %d", i).containsExactly("+OK logged");
                }
            }
            List<String> logged = daemon.logLines().stream().filter(l -> l.contains("User input: pipelined ")
                    || l.contains("User input: caf\u00e9 ")).map(l -> l.substring(l.indexOf("User input: ") + 12)).toList();
            List<String> expected = new java.util.ArrayList<>();
            for (int i = 0; i < 600; i++) {
                if (i % 150 != 7) {
                    expected.add(i % 50 == 3 ? "caf\u00e9 " + i : "pipelined " + i);
                }
            }
            assertThat(logged).isEqualTo(expected);
        }
    }

    @Test
    void severalLinesInOnePacketAreSeveralLogLinesInOrder() throws Exception {
        try (TestClient client = daemon.connect()) {
            client.greeting();
            client.sendRaw("first of three\nsecond of three\r\nthird of three\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 3; i++) {
                assertThat(client.readReply()).containsExactly("+OK logged");
            }
            daemon.awaitLog(l -> l.endsWith("User input: third of three"), Duration.ofSeconds(5));
            List<String> log = daemon.logLines();
            assertThat(log.stream().filter(l -> l.contains("of three")).map(l -> l.substring(l.indexOf("User input: ") + 12)))
                    .containsExactly("first of three", "second of three", "third of three");
        }
    }

    @Test
    void lastLineWithoutLineEndIsStillLogged() throws Exception {
        try (TestClient client = daemon.connect()) {
            client.greeting();
            client.sendRaw("no line end".getBytes(StandardCharsets.UTF_8));
            client.socket().shutdownOutput();
            assertThat(client.readReply()).containsExactly("+OK logged");
        }
        daemon.awaitLog(l -> l.endsWith("User input: no line end"), Duration.ofSeconds(5));
    }

    @Test
    void carriageReturnsAndEscapesCannotForgeLogLines() throws Exception {
        String forged = "evil\r[01/01/2000-00:00:00] [ INFO ] - Matt_daemon: Quitting.\u001b[2K\u0000\u0085end";
        try (TestClient client = daemon.connect()) {
            client.greeting();
            assertThat(client.request(forged)).containsExactly("+OK logged");
        }
        String line = daemon.awaitLog(l -> l.contains("User input: evil"), Duration.ofSeconds(5));
        assertThat(line).endsWith("User input: evil\\r[01/01/2000-00:00:00] [ INFO ] - Matt_daemon: Quitting.\\x1b[2K\\x00\\x85end");
        assertThat(daemon.logLines()).noneMatch(l -> l.startsWith("[01/01/2000"));
    }

    @Test
    void commandsAreLoggedAsRequests() throws Exception {
        try (TestClient client = daemon.connect()) {
            client.greeting();
            List<String> reply = client.request("help");
            assertThat(reply.getLast()).startsWith("+OK");
            assertThat(reply).anyMatch(l -> l.startsWith("| quit "));
        }
        daemon.awaitLog(l -> l.endsWith("[ INFO ] - Matt_daemon: Request help."), Duration.ofSeconds(5));
    }
}

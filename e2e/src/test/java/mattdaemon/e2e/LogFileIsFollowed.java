package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The daemon writes to whatever file is at its log path: deleted, renamed away (logrotate
 * {@code create}) or copied and truncated ({@code copytruncate}), without a signal; and
 * {@code daemonlogs} reads it in bounded memory, racing {@code clearlogs} without an error.
 */
class LogFileIsFollowed {
    @RegisterExtension
    static final SharedDaemon daemon = new SharedDaemon();

    private static String logged(String text) throws Exception {
        assertThat(daemon.request(text)).containsExactly("+OK logged");
        return text;
    }

    @Test
    void deletedLogIsCreatedAgainWithinASecond() throws Exception {
        logged("before delete");
        Files.delete(daemon.logFile);
        String reopened = daemon.awaitLog(l -> l.contains("was deleted; reopened."), Duration.ofSeconds(2));
        assertThat(reopened).contains("[ INFO ]");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.logFile))).isEqualTo("rw-r-----");
        logged("after delete");
        assertThat(daemon.logLines()).anyMatch(l -> l.endsWith("User input: after delete"))
                .noneMatch(l -> l.contains("before delete"));
        assertThat(daemon.request("daemonlogs 5")).last().asString().startsWith("+OK");
    }

    @Test
    void renameAndCreateLikeLogrotate() throws Exception {
        logged("before rotation");
        Path rotated = Path.of(daemon.logFile + ".1");
        Files.move(daemon.logFile, rotated);
        Files.createFile(daemon.logFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
        daemon.awaitLog(l -> l.contains("was renamed away or replaced; reopened."), Duration.ofSeconds(2));
        logged("after rotation");
        assertThat(daemon.logLines()).anyMatch(l -> l.endsWith("User input: after rotation"));
        assertThat(Files.readString(rotated)).contains("User input: before rotation").doesNotContain("after rotation");
        assertThat(daemon.request("daemonlogs 20")).anyMatch(l -> l.endsWith("User input: after rotation"));
        Files.delete(rotated);
    }

    @Test
    void copyTruncateLikeLogrotate() throws Exception {
        logged("before copytruncate");
        Path copy = Path.of(daemon.logFile + ".copy");
        Files.copy(daemon.logFile, copy);
        try (var channel = java.nio.channels.FileChannel.open(daemon.logFile, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        logged("after copytruncate");
        byte[] bytes = Files.readAllBytes(daemon.logFile);
        assertThat(bytes[0]).as("no hole of NUL bytes before the next line").isEqualTo((byte) '[');
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("User input: after copytruncate")
                .doesNotContain("before copytruncate");
        Files.delete(copy);
    }

    @Test
    void daemonlogsOnLongEscapedLinesIsCappedNotOutOfMemory() throws Exception {
        byte[] hostile = new byte[65_000];
        java.util.Arrays.fill(hostile, (byte) 0xff);
        try (TestClient client = daemon.connect()) {
            client.greeting();
            for (int i = 0; i < 20; i++) {
                client.sendRaw(hostile);
                client.sendRaw("\n".getBytes(StandardCharsets.UTF_8));
                assertThat(client.readReply()).singleElement().asString().startsWith("-ERR ENCODING");
            }
            List<String> reply = client.request("daemonlogs 10000");
            assertThat(reply.getLast()).startsWith("+OK ").contains("capped at 1024 KiB");
            long text = reply.stream().mapToLong(String::length).sum();
            assertThat(text).isBetween(512L * 1024, 1100L * 1024);
            assertThat(reply).anyMatch(l -> l.contains("\\xff\\xff\\xff"));
        }
    }

    @Test
    void daemonlogsRacingClearlogsNeverFails() throws Exception {
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Thread clearer = Thread.ofPlatform().start(() -> {
            try (TestClient client = daemon.connect()) {
                client.greeting();
                for (int i = 0; i < 100; i++) {
                    for (int k = 0; k < 5; k++) {
                        client.request("filler " + i + " " + k + " " + "f".repeat(200));
                    }
                    List<String> r = client.request("clearlogs");
                    if (!r.getLast().startsWith("+OK")) {
                        failures.add(r.getLast());
                    }
                }
            } catch (Exception e) {
                failures.add(e.toString());
            }
        });
        List<String> last = new ArrayList<>();
        try (TestClient client = daemon.connect()) {
            client.greeting();
            for (int i = 0; i < 300 && clearer.isAlive(); i++) {
                List<String> r = client.request("daemonlogs 50");
                if (!r.getLast().startsWith("+OK")) {
                    failures.add(r.getLast());
                }
                last = r;
            }
        }
        clearer.join(60_000);
        assertThat(failures).isEmpty();
        assertThat(last).isNotEmpty();
    }
}

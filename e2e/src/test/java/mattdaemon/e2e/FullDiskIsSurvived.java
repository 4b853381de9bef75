package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log on a tiny tmpfs, filled: lines are held (not acknowledged), {@code daemoninfo} says the
 * log is failing, a full backlog refuses with LOGFULL; once space is freed the held lines are
 * written and acknowledged, and one ERROR line tells the outage.
 */
class FullDiskIsSurvived {
    @TempDir
    Path temp;

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed");
        }
    }

    @Test
    void fullDiskHoldsLinesThenWritesThemWhenSpaceComesBack() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("d"));
        Path logDir = Files.createDirectories(dir.resolve("log"));
        run("mount", "-t", "tmpfs", "-o", "size=256k,mode=0750", "tmpfs", logDir.toString());
        DaemonUnderTest daemon = new DaemonUnderTest(dir).with("--log-backlog-kib", "64", "--max-clients", "8");
        try {
            daemon.start();
            Path filler = logDir.resolve("filler");
            try (OutputStream out = Files.newOutputStream(filler)) {
                byte[] block = new byte[4096];
                while (true) {
                    out.write(block);
                    out.flush();
                }
            } catch (IOException full) {
                // No space left on device
            }
            try (TestClient held = daemon.connect(); TestClient backlog = daemon.connect();
                 TestClient info = daemon.connect(); TestClient refused = daemon.connect()) {
                held.greeting();
                backlog.greeting();
                info.greeting();
                refused.greeting();
                // more than the last page of the log file can take: some of these wait for space
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < 100; i++) {
                    lines.append("held ").append(i).append(' ').append("h".repeat(90)).append('\n');
                }
                held.sendRaw(lines.toString().getBytes(StandardCharsets.UTF_8));
                held.socket().setSoTimeout(1500);
                assertThatThrownBy(() -> {
                    for (int i = 0; i < 100; i++) {
                        held.readReply();
                    }
                }).as("replies of lines not yet written").isInstanceOf(SocketTimeoutException.class);

                assertThat(info.request("daemoninfo")).anyMatch(l -> l.startsWith("| log file: ") && l.contains(", health: failing since ")
                        && l.contains("No space left on device"));

                // fill the 64 KiB backlog, then a fresh session's line is refused at once
                StringBuilder big = new StringBuilder();
                for (int i = 0; i < 100; i++) {
                    big.append("backlog ").append(i).append(' ').append("b".repeat(1000)).append('\n');
                }
                backlog.sendRaw(big.toString().getBytes(StandardCharsets.UTF_8));
                // a line of the backlog session is refused once the backlog is full
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (info.request("daemoninfo").stream().noneMatch(l -> l.startsWith("| log file: ") && l.contains(", health: failing")
                        && !l.endsWith(" 0 refused"))) {
                    assertThat(System.nanoTime()).as("backlog full in time").isLessThan(deadline);
                    Thread.sleep(50);
                }
                // longer than the room a refused 1000-byte line may have left
                List<String> reply = refused.request("refused line " + "r".repeat(2000));
                assertThat(reply).singleElement().asString().startsWith("-ERR LOGFULL ").contains("No space left on device");

                long freed = System.nanoTime();
                Files.delete(filler);
                held.socket().setSoTimeout(5000);
                // the replies that were not read yet (the first read one or more before timing out)
                List<String> heldReplies = new ArrayList<>();
                while (true) {
                    try {
                        heldReplies.add(held.readReply().getFirst());
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    held.socket().setSoTimeout(300);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - freed)).isLessThan(Duration.ofSeconds(3));
                assertThat(heldReplies).isNotEmpty().allMatch("+OK logged"::equals);
                String report = daemon.awaitLog(l -> l.contains("[ ERROR ] - Matt_daemon: Log writes failed from "),
                        Duration.ofSeconds(5));
                assertThat(report).contains("No space left on device").containsPattern("\\d+ lines held and now written, [1-9]\\d* refused");
                List<String> log = daemon.logLines();
                for (int i = 0; i < 100; i++) {
                    String expected = "User input: held " + i + " ";
                    assertThat(log).as("held line %d", i).anyMatch(l -> l.contains(expected));
                }
                assertThat(log).noneMatch(l -> l.contains("User input: refused line"));
                // the backlog session's lines: those that fit were kept, in order, the rest refused and told so
                backlog.socket().setSoTimeout(5000);
                List<String> backlogReplies = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    backlogReplies.add(backlog.readReply().getFirst());
                }
                long kept = backlogReplies.stream().takeWhile("+OK logged"::equals).count();
                assertThat(kept).as("backlog lines kept").isBetween(1L, 99L);
                assertThat(backlogReplies.subList((int) kept, 100)).allMatch(r -> r.startsWith("-ERR LOGFULL "));
                for (int i = 0; i < 100; i++) {
                    String expected = "User input: backlog " + i + " ";
                    assertThat(log.stream().filter(l -> l.contains(expected)).count()).as("backlog line %d", i)
                            .isEqualTo(i < kept ? 1 : 0);
                }
                assertThat(info.request("daemoninfo")).anyMatch(l -> l.startsWith("| log file: ") && l.endsWith(", health: ok"));
            }
        } finally {
            daemon.close();
            run("umount", "-l", logDir.toString());
        }
    }
}

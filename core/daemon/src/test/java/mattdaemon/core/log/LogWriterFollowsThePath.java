package mattdaemon.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer: a client line is in the file before the session's output moves, a deleted or
 * renamed file is replaced at its path within a second, and the built-in rotation keeps archives.
 */
final class LogWriterFollowsThePath {
    @TempDir
    Path temp;

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void within(Duration limit, Check check) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | IOException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    interface Check {
        void run() throws Exception;
    }

    @Test
    void outputWaitsUntilTheLineIsWritten() throws Exception {
        Path file = temp.resolve("matt_daemon.log");
        try (DaemonLog log = DaemonLog.open(file)) {
            AtomicReference<String> seenAtFlush = new AtomicReference<>();
            OutputStream client = log.acknowledging(new ByteArrayOutputStream() {
                @Override
                public void flush() {
                    try {
                        seenAtFlush.set(read(file));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            for (int i = 0; i < 2000; i++) {
                assertThat(log.userInput("line " + i)).isEmpty();
                client.flush();
                assertThat(seenAtFlush.get()).endsWith("User input: line " + i + "\n");
            }
        }
    }

    @Test
    void linesOfOtherThreadsDoNotHoldASessionBack() throws Exception {
        Path file = temp.resolve("matt_daemon.log");
        try (DaemonLog log = DaemonLog.open(file)) {
            OutputStream client = log.acknowledging(OutputStream.nullOutputStream());
            Thread other = Thread.ofVirtual().start(() -> log.userInput("from another session"));
            other.join();
            client.flush(); // nothing of this thread is pending: returns at once
            awaitOwnLines(log);
        }
        assertThat(read(file)).contains("from another session");
    }

    @Test
    void deletedFileIsCreatedAgain() throws Exception {
        Path file = temp.resolve("matt_daemon.log");
        try (DaemonLog log = DaemonLog.open(file)) {
            log.info("before");
            log.userInput("x");
            awaitOwnLines(log);
            Files.delete(file);
            within(Duration.ofSeconds(2), () -> assertThat(read(file)).contains("was deleted; reopened."));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
            log.info("after");
        }
        assertThat(read(file)).doesNotContain("before").contains("after");
    }

    /** logrotate's {@code create}: rename, then make the new file at once; the daemon must not make it first. */
    @Test
    void renamedFileLeavesTheNewOneToTheLog() throws Exception {
        Path file = temp.resolve("matt_daemon.log");
        Path rotated = temp.resolve("matt_daemon.log.1");
        try (DaemonLog log = DaemonLog.open(file)) {
            log.info("old");
            log.userInput("x");
            awaitOwnLines(log);
            Files.move(file, rotated);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
            within(Duration.ofSeconds(2), () -> assertThat(read(file)).contains("was renamed away or replaced; reopened."));
            log.info("new");
        }
        assertThat(read(rotated)).contains("old").doesNotContain("new");
        assertThat(read(file)).contains("new").doesNotContain("old");
    }

    @Test
    void builtInRotationKeepsGzippedArchives() throws Exception {
        Path file = temp.resolve("matt_daemon.log");
        LogOptions options = new LogOptions(LogFsync.EVERYSEC, LogOptions.MIN_BACKLOG_BYTES, 4096, 2, true);
        try (DaemonLog log = DaemonLog.open(file, options)) {
            for (int i = 0; i < 400; i++) {
                log.userInput("line " + i + " " + "x".repeat(50));
                awaitOwnLines(log);
            }
        }
        assertThat(temp.resolve("matt_daemon.log.1.gz")).exists();
        assertThat(temp.resolve("matt_daemon.log.2.gz")).exists();
        assertThat(temp.resolve("matt_daemon.log.3.gz")).doesNotExist();
        assertThat(Files.size(file)).isLessThan(4096 + 200);
        assertThat(read(file)).contains("line 399").contains("rotated to matt_daemon.log.1");
    }

    @Test
    void tailIsBoundedByItsByteCap() throws Exception {
        Path file = temp.resolve("matt_daemon.log");
        try (DaemonLog log = DaemonLog.open(file)) {
            for (int i = 0; i < 100; i++) {
                log.userInput(i + " " + "y".repeat(1000));
            }
            awaitOwnLines(log);
            LogTail.Lines tail = log.tail(1000, 10_000);
            assertThat(tail.capped()).isTrue();
            List<String> lines = tail.lines();
            assertThat(lines).hasSizeBetween(8, 10);
            assertThat(lines.getLast()).contains("User input: 99 ");
        }
    }

    /** Waits, as a session's output does before it sends a reply, until this thread's lines are written. */
    private static void awaitOwnLines(DaemonLog log) throws IOException {
        log.acknowledging(OutputStream.nullOutputStream()).flush();
    }

    /** The log's own writing thread, by name: {@code log-write}. */
    private static long writerThreadId() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("log-write"))
                .mapToLong(Thread::threadId).max().orElseThrow();
    }

    @Test
    void aQuietLogSleepsAndIsStillFollowedAtOnce() throws Exception {
        Path file = temp.resolve("quiet/matt_daemon.log");
        try (DaemonLog log = DaemonLog.open(file)) {
            log.info("then quiet");
            long writer = writerThreadId();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            Thread.sleep(LogWriter.QUIET.toMillis() + 1500); // quiet, and synced
            long before = threads.getThreadCpuTime(writer);
            Thread.sleep(3 * LogWriter.IDLE_CHECK.toMillis());
            assertThat(threads.getThreadCpuTime(writer)).as("CPU time of the quiet writer, ns").isEqualTo(before);

            Files.delete(file);
            long deleted = System.nanoTime();
            within(Duration.ofSeconds(2), () -> assertThat(read(file)).contains("was deleted; reopened."));
            assertThat(Duration.ofNanos(System.nanoTime() - deleted)).as("told, not found by a look")
                    .isLessThan(LogWriter.IDLE_CHECK);

            Path moved = temp.resolve("quiet.old");
            Files.move(file.getParent(), moved); // inotify follows the folder: only a look can tell
            Thread.sleep(2 * LogWriter.CHECK.toMillis());
            OutputStream acknowledged = log.acknowledging(OutputStream.nullOutputStream());
            assertThat(log.userInput("after the folder moved")).isEmpty();
            acknowledged.flush();
            // the first line after the move finds the path empty: it may still land in the moved file
            assertThat(read(moved.resolve("matt_daemon.log")) + (Files.exists(file) ? read(file) : ""))
                    .contains("User input: after the folder moved");
            within(Duration.ofSeconds(2), () -> assertThat(read(file)).contains("was deleted; reopened."));
            assertThat(log.userInput("once it is made again")).isEmpty();
            acknowledged.flush();
            assertThat(read(file)).contains("User input: once it is made again");
            assertThat(read(moved.resolve("matt_daemon.log"))).doesNotContain("once it is made again");
        }
    }

    @Test
    void rotationsWhileWritingLoseNothingAndLeaveCreateToLogrotate() throws Exception {
        Path file = temp.resolve("busy/matt_daemon.log");
        try (DaemonLog log = DaemonLog.open(file)) {
            Thread writer = Thread.ofPlatform().start(() -> {
                OutputStream acknowledged = log.acknowledging(OutputStream.nullOutputStream());
                for (int i = 0; i < 3000; i++) {
                    assertThat(log.userInput("line " + i)).isEmpty();
                    try {
                        acknowledged.flush();
                        Thread.sleep(0, 200_000);
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            for (int r = 1; r <= 10; r++) {
                Thread.sleep(50);
                Files.move(file, temp.resolve("busy/matt_daemon.log." + r));
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
            }
            writer.join();
        }
        StringBuilder all = new StringBuilder(read(file));
        for (int r = 1; r <= 10; r++) {
            all.append(read(temp.resolve("busy/matt_daemon.log." + r)));
        }
        for (int i = 0; i < 3000; i++) {
            assertThat(all.indexOf("User input: line " + i + "\n")).as("line %d", i).isNotNegative();
        }
    }
}

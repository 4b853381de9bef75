package mattdaemon.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each {@link DaemonLog#open} writes to its own file, whatever Log4j2 did before in this JVM:
 * after an earlier log was closed, while one is still open, and after other code started Log4j2.
 */
final class DaemonLogOpensAgainInTheSameJvm {
    @TempDir
    Path temp;

    @Test
    void afterTheFirstWasClosed() throws IOException {
        Path first = temp.resolve("first.log");
        Path second = temp.resolve("second.log");
        try (DaemonLog log = DaemonLog.open(first)) {
            log.info("one");
        }
        try (DaemonLog log = DaemonLog.open(second)) {
            log.info("two");
        }
        assertThat(Files.readAllLines(first, StandardCharsets.UTF_8)).singleElement().asString().endsWith(": one");
        assertThat(Files.readAllLines(second, StandardCharsets.UTF_8)).singleElement().asString().endsWith(": two");
    }

    @Test
    void whileAnotherIsStillOpen() throws IOException {
        Path first = temp.resolve("first.log");
        Path second = temp.resolve("second.log");
        try (DaemonLog a = DaemonLog.open(first); DaemonLog b = DaemonLog.open(second)) {
            a.info("one");
            b.info("two");
        }
        assertThat(Files.readAllLines(first, StandardCharsets.UTF_8)).singleElement().asString().endsWith(": one");
        assertThat(Files.readAllLines(second, StandardCharsets.UTF_8)).singleElement().asString().endsWith(": two");
    }

    @Test
    void afterOtherCodeStartedLog4j() throws IOException {
        // a library logging before the daemon opens its log starts Log4j2's default context
        LogManager.getLogger("some.library").debug("early");
        Path file = temp.resolve("matt_daemon.log");
        try (DaemonLog log = DaemonLog.open(file)) {
            log.info("Started.");
        }
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).singleElement().asString()
                .endsWith("Matt_daemon: Started.");
    }
}

package mattdaemon.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file is created private to root's group and holds one formatted line per event. */
final class DaemonLogWritesFormattedLines {
    private static final Pattern LINE = Pattern.compile(
            "^\\[(\\d{2}/\\d{2}/\\d{4}-\\d{2}:\\d{2}:\\d{2})] \\[ (INFO|LOG|ERROR) ] - Matt_daemon: (.*)$");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy-HH:mm:ss");

    @TempDir
    Path temp;

    @Test
    void createsFolderAndFileWithRestrictedModes() throws IOException {
        Path file = temp.resolve("logs/matt_daemon.log");
        try (DaemonLog log = DaemonLog.open(file)) {
            assertThat(log.file()).isEqualTo(file);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwxr-x---");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        }
    }

    @Test
    void writesEachLevelInTheAgreedFormatWithTheLocalTime() throws IOException {
        Path file = temp.resolve("logs/matt_daemon.log");
        LocalDateTime before = LocalDateTime.now().withNano(0);
        try (DaemonLog log = DaemonLog.open(file)) {
            log.info("Started.");
            log.userInput(LogText.escape("hello\nworld"));
            log.error("Error file locked.");
        }
        LocalDateTime after = LocalDateTime.now();

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        String[][] expected = {{"INFO", "Started."}, {"LOG", "User input: hello\\nworld"},
                {"ERROR", "Error file locked."}};
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LINE.matcher(lines.get(i));
            assertThat(m.matches()).as("line %s", lines.get(i)).isTrue();
            assertThat(m.group(2)).isEqualTo(expected[i][0]);
            assertThat(m.group(3)).isEqualTo(expected[i][1]);
            LocalDateTime stamp = LocalDateTime.parse(m.group(1), STAMP);
            assertThat(stamp).isBetween(before.minusSeconds(1), after.plusSeconds(1));
            assertThat(Duration.between(stamp, after).abs()).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void closeFlushesEveryQueuedLine() throws IOException {
        Path file = temp.resolve("logs/matt_daemon.log");
        int count = 50_000;
        try (DaemonLog log = DaemonLog.open(file)) {
            for (int i = 0; i < count; i++) {
                log.info("line " + i);
            }
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(count);
        assertThat(lines.getFirst()).endsWith("Matt_daemon: line 0");
        assertThat(lines.getLast()).endsWith("Matt_daemon: line " + (count - 1));
    }

    @Test
    void anExistingLogIsAppendedTo() throws IOException {
        Path file = temp.resolve("matt_daemon.log");
        Files.writeString(file, "earlier line\n");
        try (DaemonLog log = DaemonLog.open(file)) {
            log.info("Started.");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("earlier line");
        assertThat(lines.get(1)).matches(LINE).endsWith("Matt_daemon: Started.");
    }
}

package mattdaemon.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code daemonlogs N} shows the same lines as {@code tail -n N}, reading the file from its end. */
final class DaemonLogsTailReadsTheLastLines {
    /** Bigger than the 8 KiB chunks the file is read in. */
    private static final int LARGE = 100_000;

    @TempDir
    Path temp;

    private Path file(String text) throws IOException {
        return Files.writeString(temp.resolve("matt_daemon.log"), text, StandardCharsets.UTF_8);
    }

    private static List<String> tail(Path file, int count) throws IOException {
        return DaemonLogsCommand.tail(file.toString(), count);
    }

    /** The expected answer, from the whole file. */
    private static List<String> lastLines(Path file, int count) throws IOException {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    @Test
    void lastLinesOfASmallFile() throws IOException {
        Path file = file("one\ntwo\nthree\nfour\nfive\n");
        assertThat(tail(file, 2)).containsExactly("four", "five");
        assertThat(tail(file, 1)).containsExactly("five");
    }

    @Test
    void lastLineWithoutLineEndCounts() throws IOException {
        Path file = file("one\ntwo\nthree");
        assertThat(tail(file, 2)).containsExactly("two", "three");
    }

    @Test
    void emptyFileHasNoLines() throws IOException {
        assertThat(tail(file(""), 20)).isEmpty();
    }

    @Test
    void askingForMoreLinesThanTheFileHasGivesAllOfThem() throws IOException {
        Path file = file("one\ntwo\nthree\n");
        assertThat(tail(file, 10_000)).containsExactly("one", "two", "three");
        assertThat(tail(file, 3)).containsExactly("one", "two", "three");
    }

    @Test
    void emptyLinesAreLinesToo() throws IOException {
        Path file = file("one\n\ntwo\n\n\n");
        assertThat(tail(file, 3)).containsExactly("two", "", "");
        assertThat(tail(file, 10)).containsExactly("one", "", "two", "", "");
        assertThat(tail(file("\n"), 5)).containsExactly("");
    }

    @Test
    void fileLargerThanOneChunk() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < LARGE; i++) {
            text.append("[24/11/2026-18:42:07] [ INFO ] - Matt_daemon: line ").append(i).append('\n');
        }
        Path file = file(text.toString());
        int total = Files.readAllLines(file).size();
        assertThat(tail(file, 1)).containsExactly(lastLines(file, 1).getFirst());
        assertThat(tail(file, 300)).hasSize(300).isEqualTo(lastLines(file, 300));
        assertThat(tail(file, total - 1)).isEqualTo(lastLines(file, total - 1));
        assertThat(tail(file, total + 1)).hasSize(total).isEqualTo(lastLines(file, total + 1));
    }

    @Test
    void lineLongerThanAChunkComesBackWhole() throws IOException {
        String longLine = "中".repeat(10_000);
        Path file = file("first\n" + longLine + "\nlast\n");
        assertThat(tail(file, 2)).containsExactly(longLine, "last");
        assertThat(tail(file, 3)).containsExactly("first", longLine, "last");
    }

    @Test
    void randomFilesAgreeWithReadingTheWholeFile() throws IOException {
        Random random = new Random(1124);
        String[] pieces = {"a", "log line ", "é", "中文", "\uD83D\uDE00", " ", "x".repeat(200)};
        for (int round = 0; round < 60; round++) {
            StringBuilder text = new StringBuilder();
            int lines = random.nextInt(3_000);
            for (int i = 0; i < lines; i++) {
                int parts = random.nextInt(8);
                for (int p = 0; p < parts; p++) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                text.append('\n');
            }
            if (random.nextBoolean()) {
                text.append("no line end");
            }
            Path file = file(text.toString());
            List<Integer> counts = new ArrayList<>(List.of(1, 2, 20, 10_000));
            counts.add(1 + random.nextInt(lines + 1));
            for (int count : counts) {
                assertThat(tail(file, count)).as("round %d, %d lines", round, count).isEqualTo(lastLines(file, count));
            }
        }
    }

    @Test
    void missingFileIsAnIOException() {
        assertThatThrownBy(() -> tail(temp.resolve("gone.log"), 5)).isInstanceOf(IOException.class);
    }
}

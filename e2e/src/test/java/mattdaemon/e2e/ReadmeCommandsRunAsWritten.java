package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every command of the README's {@code console} blocks works as typed, in the README's order, on
 * this machine as root: build-and-start, the command-line client, quit, --check-config. It uses
 * the real default paths and port, as a user would; folders it had to create are removed after.
 */
class ReadmeCommandsRunAsWritten {
    static final Path ROOT = DaemonUnderTest.DIST.getParent();
    static final Pattern CONSOLE_BLOCK = Pattern.compile("(?ms)^```console\\n(.*?)^```$");
    static final List<Path> MADE_BY_A_START = List.of(Path.of("/var/log/matt_daemon"), Path.of("/var/lib/matt_daemon"));

    /** The {@code # } lines of the README's console blocks, in order. */
    static List<String> commands() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> commands = new ArrayList<>();
        Matcher block = CONSOLE_BLOCK.matcher(readme);
        while (block.find()) {
            block.group(1).lines().filter(l -> l.startsWith("# ")).map(l -> l.substring(2)).forEach(commands::add);
        }
        return commands;
    }

    @Test
    void eachCommandSucceeds() throws Exception {
        List<String> commands = commands();
        assertThat(commands).as("README console commands").contains("scripts/start", "dist/bin/matt-cli quit");
        List<Path> absent = MADE_BY_A_START.stream().filter(p -> !Files.exists(p)).toList();
        try {
            for (String command : commands) {
                Process shell = new ProcessBuilder("bash", "-c", command).directory(ROOT.toFile())
                        .redirectErrorStream(true).start();
                boolean ended = shell.waitFor(180, TimeUnit.SECONDS);
                String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(ended).as("%s ended", command).isTrue();
                assertThat(shell.exitValue()).as("%s printed:%n%s", command, output).isZero();
                if (command.equals("scripts/start")) {
                    // dist/ was just built by the same Maven run: scripts/start must take it as it is
                    assertThat(output).contains("Matt_daemon: started, PID ").contains("listening on port 4242.")
                            .doesNotContain("Building Matt_daemon");
                }
            }
        } finally {
            stopDaemonOnDefaultPaths();
            for (Path folder : absent) {
                deleteTree(folder);
            }
        }
    }

    /** A daemon a failed step left running on the default lock is stopped, so nothing stays behind. */
    private static void stopDaemonOnDefaultPaths() throws Exception {
        Path lock = Path.of("/var/lock/matt_daemon.lock");
        if (Files.exists(lock)) {
            long pid = Long.parseLong(Files.readString(lock).strip());
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroy();
                p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
            });
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

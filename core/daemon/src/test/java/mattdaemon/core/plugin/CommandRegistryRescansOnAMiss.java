package mattdaemon.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.Reply;
import mattdaemon.core.log.DaemonLog;

/** The registry holds the built-ins it is given, and looks a missing name up again after a rescan. */
final class CommandRegistryRescansOnAMiss {
    @TempDir
    Path dir;

    record Named(String name) implements Command {
        @Override
        public String summary() {
            return "test " + name;
        }

        @Override
        public Reply execute(CommandContext context, String arguments) {
            return Reply.ok(name);
        }
    }

    @Test
    void builtInsAreTheCommandsGivenAndADuplicateIsLogged() throws Exception {
        Path logFile = dir.resolve("log/test.log");
        try (DaemonLog log = DaemonLog.open(logFile)) {
            CommandRegistry registry = new CommandRegistry(List.of(new Named("b"), new Named("a"), new Named("a")), log);
            assertThat(registry.list()).extracting(i -> i.name()).containsExactly("a", "b");
            assertThat(registry.find("a")).isPresent();
            assertThat(registry.pluginCommandCount()).isZero();
            assertThat(registry.listeners()).isEmpty();
        }
        assertThat(Files.readString(logFile)).contains("Duplicate command a in unnamed ignored.");
    }

    @Test
    void aMissRescansOnlyWhenTheRescanSaysTheFolderChanged() throws Exception {
        try (DaemonLog log = DaemonLog.open(dir.resolve("log/test.log"))) {
            CommandRegistry registry = new CommandRegistry(List.of(new Named("help")), log);
            AtomicInteger rescans = new AtomicInteger();
            registry.rescanOnMiss(() -> {
                rescans.incrementAndGet();
                return false;
            });
            assertThat(registry.find("help")).isPresent();
            assertThat(rescans).as("a loaded name needs no rescan").hasValue(0);
            assertThat(registry.find("nothing")).isEmpty();
            assertThat(rescans).hasValue(1);
        }
    }
}

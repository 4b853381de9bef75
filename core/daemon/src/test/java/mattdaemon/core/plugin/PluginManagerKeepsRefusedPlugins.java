package mattdaemon.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.Reply;
import mattdaemon.core.log.DaemonLog;

/**
 * The manager over a real folder, as any user: what it refuses is listed with the reason and
 * logged once; a fixed folder leaves the list; a lookup of an unknown name rescans only after
 * the folder changed. (Loading real plugin modules needs the daemon's module layer: e2e tests.)
 */
final class PluginManagerKeepsRefusedPlugins {
    @TempDir
    Path dir;
    Path plugins;
    Path logFile;
    DaemonLog log;
    CommandRegistry registry;
    RefusedPlugins refused;
    PluginManager manager;
    final AtomicInteger changes = new AtomicInteger();

    @BeforeEach
    void manager() throws Exception {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxr-xr-x"));
        logFile = dir.resolve("log/test.log");
        log = DaemonLog.open(logFile);
        registry = new CommandRegistry(List.of(new Command() {
            @Override
            public String name() {
                return "help";
            }

            @Override
            public String summary() {
                return "help";
            }

            @Override
            public Reply execute(CommandContext context, String arguments) {
                return Reply.ok("help");
            }
        }), log);
        refused = new RefusedPlugins();
        manager = new PluginManager(plugins, PluginFolders.owner(plugins), registry, refused, log,
                name -> {
                    throw new AssertionError("nothing here loads");
                }, changes::incrementAndGet);
    }

    @AfterEach
    void close() {
        manager.close();
        log.close();
    }

    @Test
    void aJarProvidingNoServiceIsRefusedWithItsReason() throws Exception {
        PluginFolders.plugin(plugins, "plain", "plain.jar");

        assertThat(manager.refresh()).as("nothing loaded, nothing changed").isFalse();

        assertThat(refused.list()).singleElement().satisfies(r -> {
            assertThat(r.plugin()).isEqualTo("plain");
            assertThat(r.reason()).startsWith("no module in " + plugins.resolve("plain") + " provides mattdaemon.api.Command");
        });
        assertThat(changes).hasValue(0);
    }

    @Test
    void unsafeFoldersAreListedLoggedOnceAndForgottenWhenFixed() throws Exception {
        Path bad = PluginFolders.plugin(plugins, "bad", "a.jar");
        Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rwxrwxrwx"));

        manager.refresh();
        manager.refresh();

        assertThat(refused.list()).extracting(RefusedPlugins.Refusal::plugin).containsExactly("bad");
        log.close();
        assertThat(Files.readAllLines(logFile)).filteredOn(l -> l.contains("Plugin bad refused: " + bad
                + " is writable by group or others.")).hasSize(1);

        Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.delete(bad.resolve("a.jar"));
        manager.refresh();
        assertThat(refused.list()).isEmpty();
    }

    @Test
    void aMissRescansOnceAfterTheFolderChanged() throws Exception {
        manager.refresh();
        PluginFolders.plugin(plugins, "plain", "plain.jar");

        assertThat(registry.find("plain")).isEmpty();
        assertThat(refused.list()).as("no rescan: the folder is not known to have changed").isEmpty();

        manager.folderChanged();
        assertThat(registry.find("plain")).isEmpty();
        assertThat(refused.list()).as("the miss rescanned").extracting(RefusedPlugins.Refusal::plugin)
                .containsExactly("plain");
    }
}

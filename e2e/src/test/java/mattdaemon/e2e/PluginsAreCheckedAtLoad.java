package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an outside author runs into when dropping plugins in: a command name nobody could type
 * refuses its plugin, staging folders are left alone, a command is callable the moment its folder
 * is renamed into place, and a refused plugin is visible to clients in help and daemoninfo.
 */
class PluginsAreCheckedAtLoad {
    @TempDir
    static Path dir;
    @RegisterExtension
    static final SharedDaemon daemon = new SharedDaemon();
    static PluginBuilder build;

    @BeforeAll
    static void makeBuilder() throws Exception {
        build = new PluginBuilder(Files.createDirectories(dir.resolve("build")));
    }

    /** A plugin module {@code test.<module>} whose one command class is {@code body}, implementing what it says. */
    static Path plugin(String module, String implementsList, String body) throws Exception {
        String pkg = "test." + module;
        return build.module(pkg, "1.0", Map.of(
                "module-info.java", "module " + pkg + " {\n requires mattdaemon.api;\n provides mattdaemon.api.Command with "
                        + pkg + ".TheCommand;\n}\n",
                pkg.replace('.', '/') + "/TheCommand.java", "package " + pkg + ";\nimport mattdaemon.api.*;\n"
                        + "public final class TheCommand implements " + implementsList + " {\n"
                        + " public String summary() { return \"test\"; }\n"
                        + " public Reply execute(CommandContext context, String arguments) { return Reply.ok(\"ran\"); }\n"
                        + body + "\n}\n"));
    }

    @Test
    void aCommandNameNobodyCouldTypeRefusesItsPluginVisibly() throws Exception {
        PluginBuilder.install(daemon.pluginDir, "shout", plugin("shout", "Command",
                "public String name() { return \"Shout Loud\"; }"));
        daemon.awaitLogContaining("Plugin shout failed to load: command \"Shout Loud\" (test.shout.TheCommand) refused:"
                + " a command name is lower case letters, digits and '-' only");
        try (TestClient client = daemon.connect()) {
            client.greeting();
            List<String> help = client.request("help");
            assertThat(help).noneMatch(l -> l.contains("Shout"));
            assertThat(help.getLast()).startsWith("+OK ").contains("refused plugins: ").contains("shout")
                    .endsWith("(daemoninfo says why)");
            assertThat(client.request("daemoninfo")).contains("| refused plugin shout: command \"Shout Loud\""
                    + " (test.shout.TheCommand) refused: a command name is lower case letters, digits and '-' only");

            PluginBuilder.remove(daemon.pluginDir, "shout");
            assertThat(client.request("help").getLast()).doesNotContain("shout");
            assertThat(client.request("daemoninfo")).noneMatch(l -> l.contains("refused plugin shout"));
        }
    }

    @Test
    void aPluginRefusingItsSettingsIsNamedByHelpAndExplainedByDaemoninfo() throws Exception {
        PluginBuilder.install(daemon.pluginDir, "picky", plugin("picky", "Command, PluginAware",
                "public String name() { return \"picky\"; }\n"
                        + "public void attach(PluginEnvironment environment) {"
                        + " throw new IllegalArgumentException(\"picky.level must be set\"); }"));
        try (TestClient client = daemon.connect()) {
            client.greeting();
            assertThat(client.request("picky")).as("the plugin is refused: a message").containsExactly("+OK logged");
            assertThat(client.request("help").getLast()).contains("refused plugins: ").contains("picky");
            assertThat(client.request("daemoninfo")).contains(
                    "| refused plugin picky: test.picky.TheCommand refused its settings: picky.level must be set");
        }
        PluginBuilder.remove(daemon.pluginDir, "picky");
    }

    @Test
    void aStagingFolderIsNotLoadedUntilRenamedIntoPlace() throws Exception {
        Path staged = build.command("staged", "1.0", "return Reply.ok(\"staged\");", "");
        for (String name : List.of(".incoming", "~staged", "staged~")) {
            Path folder = Files.createDirectory(daemon.pluginDir.resolve(name));
            Files.copy(staged, folder.resolve("staged.jar"));
        }
        try (TestClient client = daemon.connect()) {
            client.greeting();
            Thread.sleep(1_000); // the watcher's quiet period is 250 ms
            assertThat(client.request("help")).noneMatch(l -> l.startsWith("| staged"));
            assertThat(client.request("staged")).containsExactly("+OK logged");
            assertThat(daemon.logLines()).noneMatch(l -> l.contains("Plugin loaded: .incoming")
                    || l.contains("Plugin loaded: ~staged") || l.contains("Plugin loaded: staged~"));

            Files.move(daemon.pluginDir.resolve(".incoming"), daemon.pluginDir.resolve("staged"), StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(30);
            assertThat(client.request("staged")).containsExactly("+OK staged");
        }
        PluginBuilder.remove(daemon.pluginDir, "staged");
        PluginBuilder.remove(daemon.pluginDir, "~staged");
        PluginBuilder.remove(daemon.pluginDir, "staged~");
    }

    @Test
    void aCommandSentRightAfterItsPluginIsInPlaceIsACommand() throws Exception {
        Path quick = build.command("quick", "1.0", "return Reply.ok(\"quick \" + arguments);", "");
        try (TestClient client = daemon.connect()) {
            client.greeting();
            PluginBuilder.install(daemon.pluginDir, "quick", quick);
            // well inside the watcher's 250 ms quiet period: only the lookup's own rescan can find it
            Thread.sleep(30);
            assertThat(client.request("quick now")).containsExactly("+OK quick now");
        }
        assertThat(daemon.logLines()).noneMatch(l -> l.contains("User input: quick now"));
    }
}

package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Plugins dropped in, replaced or removed while the daemon runs take effect without a restart. */
class PluginsChangeWhileRunning {
    @TempDir
    static Path dir;
    @RegisterExtension
    static final SharedDaemon daemon = new SharedDaemon();
    static PluginBuilder build;

    @BeforeAll
    static void makeBuilder() throws Exception {
        build = new PluginBuilder(Files.createDirectories(dir.resolve("build")));
    }

    static Path greeter(String version, String word) throws Exception {
        return build.command("greet", version, "return Reply.ok(\"" + word + " \" + arguments);", "");
    }

    @Test
    void addReplaceRemove() throws Exception {
        try (TestClient client = daemon.connect()) {
            client.greeting();
            assertThat(client.request("help")).noneMatch(l -> l.startsWith("| greet"));

            PluginBuilder.install(daemon.pluginDir, "greet", greeter("1.0", "hello"));
            daemon.awaitLogContaining("Plugin loaded: greet 1.0 (test.greet).");
            assertThat(client.readLine()).isEqualTo("* plugins changed");
            assertThat(client.request("help")).anyMatch(l -> l.matches("\\| greet +test command greet 1.0 +\\[test.greet]"));
            assertThat(client.request("greet world")).containsExactly("+OK hello world");
            assertThat(client.request("help greet")).contains("| usage: greet [words]", "| module: test.greet");

            PluginBuilder.install(daemon.pluginDir, "greet", greeter("2.0", "bonjour"));
            daemon.awaitLogContaining("Plugin reloaded: greet 2.0 (test.greet).");
            assertThat(client.request("greet world")).containsExactly("+OK bonjour world");

            PluginBuilder.remove(daemon.pluginDir, "greet");
            daemon.awaitLogContaining("Plugin unloaded: greet 2.0 (test.greet).");
            assertThat(client.request("greet world")).as("now an ordinary message").containsExactly("+OK logged");
        }
    }

    @Test
    void helpSeesAPluginDroppedAMomentAgo() throws Exception {
        PluginBuilder.install(daemon.pluginDir, "instant", build.command("instant", "1.0", "return Reply.ok(\"now\");", ""));
        try (TestClient client = daemon.connect()) {
            client.greeting();
            // no waiting for the folder watcher: help itself rescans the folder
            assertThat(client.request("help")).anyMatch(l -> l.startsWith("| instant "));
            assertThat(client.request("instant")).contains("+OK now");
        }
    }

    @Test
    void pluginsWithConflictingLibraryVersionsLiveSideBySide() throws Exception {
        Map<String, String> lib1 = Map.of("module-info.java", "module test.lib { exports test.lib; }",
                "test/lib/Lib.java", "package test.lib; public final class Lib { public static String version() { return \"lib-one\"; } }");
        Map<String, String> lib2 = Map.of("module-info.java", "module test.lib { exports test.lib; }",
                "test/lib/Lib.java", "package test.lib; public final class Lib { public static String version() { return \"lib-two\"; } }");
        PluginBuilder oneBuild = new PluginBuilder(Files.createDirectories(dir.resolve("build-one")));
        PluginBuilder twoBuild = new PluginBuilder(Files.createDirectories(dir.resolve("build-two")));
        Path libOne = oneBuild.module("test.lib", "1.0", lib1);
        Files.copy(libOne, dir.resolve("build-one/test.lib.jar"));
        Path libTwo = twoBuild.module("test.lib", "2.0", lib2);
        Files.copy(libTwo, dir.resolve("build-two/test.lib.jar"));
        Path usesOne = oneBuild.command("useone", "1.0", "return Reply.ok(test.lib.Lib.version());", "", "test.lib");
        Path usesTwo = twoBuild.command("usetwo", "1.0", "return Reply.ok(test.lib.Lib.version());", "", "test.lib");
        PluginBuilder.install(daemon.pluginDir, "useone", usesOne, libOne);
        PluginBuilder.install(daemon.pluginDir, "usetwo", usesTwo, libTwo);
        try (TestClient client = daemon.connect()) {
            client.greeting();
            client.request("help");
            assertThat(client.request("useone")).containsExactly("+OK lib-one");
            assertThat(client.request("usetwo")).containsExactly("+OK lib-two");
        }
    }

    @Test
    void pluginPresentAtStartIsLoadedBeforeReady(@TempDir Path other) throws Exception {
        try (DaemonUnderTest second = new DaemonUnderTest(other)) {
            PluginBuilder.install(second.pluginDir, "early", build.command("early", "1.0", "return Reply.ok(\"early\");", ""));
            second.start();
            List<String> log = second.logLines();
            assertThat(log).anyMatch(l -> l.endsWith("Plugin loaded: early 1.0 (test.early)."));
            try (TestClient client = second.connect()) {
                client.greeting();
                assertThat(client.request("early")).containsExactly("+OK early");
                assertThat(client.request("daemoninfo")).contains("| plugin commands: 1");
            }
        }
    }

    @Test
    void pluginMayCallAnotherCommand() throws Exception {
        PluginBuilder.install(daemon.pluginDir, "relay", build.command("relay", "1.0",
                "Reply r = context.invoke(arguments); return Reply.ok(\"relayed \" + r.body().size() + \" lines: \" + r.text());", ""));
        try (TestClient client = daemon.connect()) {
            client.greeting();
            client.request("help");
            assertThat(client.request("relay daemoninfo")).containsExactly("+OK relayed 11 lines: daemoninfo");
            assertThat(client.request("relay nosuchcommand")).containsExactly("+OK relayed 0 lines: no command named nosuchcommand");
        }
    }
}

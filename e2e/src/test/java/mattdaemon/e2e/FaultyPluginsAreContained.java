package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A plugin that throws, hangs, fails to load or is unsafe costs one error, never the daemon. */
class FaultyPluginsAreContained {
    @TempDir
    static Path dir;
    @RegisterExtension
    static final SharedDaemon daemon = new SharedDaemon();
    static PluginBuilder build;

    @BeforeAll
    static void makeBuilder() throws Exception {
        build = new PluginBuilder(Files.createDirectories(dir.resolve("build")));
    }

    @AfterEach
    void daemonStillServes() throws Exception {
        assertThat(daemon.alive()).isTrue();
        try (TestClient probe = daemon.connect()) {
            probe.greeting();
            assertThat(probe.request("daemoninfo").getLast()).isEqualTo("+OK daemoninfo");
        }
    }

    static TestClient client() throws Exception {
        TestClient client = daemon.connect();
        client.greeting();
        client.request("help");
        return client;
    }

    @Test
    void throwingCommandGivesPluginErrorAndALoggedStackTrace() throws Exception {
        PluginBuilder.install(daemon.pluginDir, "boom", build.command("boom", "1.0",
                "throw new IllegalStateException(\"kaboom\");", ""));
        try (TestClient client = client()) {
            assertThat(client.request("boom")).singleElement().asString()
                    .startsWith("-ERR PLUGIN boom failed: java.lang.IllegalStateException: kaboom");
        }
        daemon.awaitLog(l -> l.contains("[ ERROR ]") && l.contains("Command boom failed"), Duration.ofSeconds(5));
        daemon.awaitLog(l -> l.startsWith("\tat test.boom@1.0/test.boom.TheCommand.execute"), Duration.ofSeconds(5));
    }

    @Test
    void hangingCommandTimesOut() throws Exception {
        PluginBuilder.install(daemon.pluginDir, "hang", build.command("hang", "1.0",
                "Thread.sleep(Long.MAX_VALUE); return null;",
                "public java.time.Duration timeLimit() { return java.time.Duration.ofMillis(300); }"));
        try (TestClient client = client()) {
            long started = System.nanoTime();
            assertThat(client.request("hang")).containsExactly("-ERR PLUGIN hang timed out after 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(client.request("after the hang")).containsExactly("+OK logged");
        }
        daemon.awaitLog(l -> l.contains("[ ERROR ]") && l.contains("Command hang timed out after 300 ms"), Duration.ofSeconds(5));
    }

    @Test
    void commandReturningNullIsAPluginError() throws Exception {
        PluginBuilder.install(daemon.pluginDir, "nothing", build.command("nothing", "1.0", "return null;", ""));
        try (TestClient client = client()) {
            assertThat(client.request("nothing")).containsExactly("-ERR PLUGIN nothing returned no reply");
        }
    }

    @Test
    void duplicateCommandNameIsRefusedAndTheBuiltInKept() throws Exception {
        PluginBuilder.install(daemon.pluginDir, "fakequit", build.command("quit", "6.6", "return Reply.ok(\"hijacked\");", ""));
        daemon.awaitLog(l -> l.contains("Plugin fakequit: command quit refused, the name is taken by mattdaemon.core."),
                Duration.ofSeconds(10));
        try (TestClient client = client()) {
            assertThat(client.request("help quit")).contains("| module: mattdaemon.core");
        }
    }

    @Test
    void garbageJarFailsToLoadAndIsLogged() throws Exception {
        Path staging = Files.createDirectories(dir.resolve("garbage-staging"));
        Files.write(staging.resolve("broken.jar"), new byte[] {1, 2, 3, 4, 5});
        PluginBuilder.install(daemon.pluginDir, "broken", staging.resolve("broken.jar"));
        daemon.awaitLog(l -> l.contains("[ ERROR ]") && l.contains("Plugin broken failed to load"), Duration.ofSeconds(10));
    }

    @Test
    void missingDependencyFailsToLoadAndIsLogged() throws Exception {
        PluginBuilder other = new PluginBuilder(Files.createDirectories(dir.resolve("build-missing")));
        Path lib = other.module("test.absent", "1.0", Map.of("module-info.java", "module test.absent { exports test.absent; }",
                "test/absent/A.java", "package test.absent; public final class A { public static String x() { return \"x\"; } }"));
        Files.copy(lib, dir.resolve("build-missing/test.absent.jar"));
        Path needy = other.command("needy", "1.0", "return Reply.ok(test.absent.A.x());", "", "test.absent");
        PluginBuilder.install(daemon.pluginDir, "needy", needy); // the library jar is left out
        daemon.awaitLog(l -> l.contains("Plugin needy failed to load") && l.contains("test.absent"), Duration.ofSeconds(10));
        try (TestClient client = client()) {
            assertThat(client.request("needy")).containsExactly("+OK logged");
        }
    }

    @Test
    void throwingConstructorFailsToLoad() throws Exception {
        Path jar = build.command("ctor", "1.0", "return Reply.ok(\"never\");",
                "public TheCommand() { throw new IllegalStateException(\"no\"); }");
        PluginBuilder.install(daemon.pluginDir, "ctor", jar);
        daemon.awaitLog(l -> l.contains("Plugin ctor failed to load"), Duration.ofSeconds(10));
    }

    @Test
    void jarShadowingTheApiIsIgnored() throws Exception {
        Path jar = build.command("shadow", "1.0", "return Reply.ok(\"own api ignored\");", "");
        PluginBuilder.install(daemon.pluginDir, "shadow", jar, PluginBuilder.API_JAR);
        daemon.awaitLog(l -> l.contains("Plugin shadow: " + PluginBuilder.API_JAR.getFileName()
                + " ignored, it carries mattdaemon.api"), Duration.ofSeconds(10));
        try (TestClient client = client()) {
            assertThat(client.request("shadow")).containsExactly("+OK own api ignored");
        }
    }

    @Test
    void groupWritablePluginIsRefused() throws Exception {
        Path jar = build.command("unsafe", "1.0", "return Reply.ok(\"should not run\");", "");
        Path folder = PluginBuilder.install(daemon.pluginDir, "unsafe", jar);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxr-x"));
        try (TestClient client = client()) {
            assertThat(client.request("unsafe")).containsExactly("+OK logged");
        }
        daemon.awaitLog(l -> l.contains("[ ERROR ]") && l.contains("Plugin unsafe refused") && l.contains("writable by group or others"),
                Duration.ofSeconds(10));
    }

    @Test
    void pluginFileOwnedByAnotherUserIsRefused() throws Exception {
        Path jar = build.command("foreign", "1.0", "return Reply.ok(\"should not run\");", "");
        Path folder = PluginBuilder.install(daemon.pluginDir, "foreign", jar);
        Files.setAttribute(folder.resolve(jar.getFileName()), "unix:uid", 65534);
        try (TestClient client = client()) {
            assertThat(client.request("foreign")).containsExactly("+OK logged");
        }
        daemon.awaitLog(l -> l.contains("Plugin foreign refused") && l.contains("owned by uid 65534"), Duration.ofSeconds(10));
    }
}

package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin may require any module of the JDK the daemon runs on, not only those the core itself
 * uses: a webhook notifier needs java.net.http, a JDBC exporter java.sql.
 */
class PluginsMayUseAnyJdkModule {
    @TempDir
    static Path dir;
    @RegisterExtension
    static final SharedDaemon daemon = new SharedDaemon();

    @Test
    void pluginsRequiringJavaNetHttpAndJavaSqlLoadAndRun() throws Exception {
        PluginBuilder build = new PluginBuilder(Files.createDirectories(dir.resolve("build")));
        PluginBuilder.install(daemon.pluginDir, "webhook", build.command("webhook", "1.0",
                "return Reply.ok(\"client \" + java.net.http.HttpClient.newHttpClient().version());", "", "java.net.http"));
        PluginBuilder.install(daemon.pluginDir, "jdbc", build.command("jdbc", "1.0",
                "return Reply.ok(\"type \" + java.sql.JDBCType.valueOf(java.sql.Types.INTEGER).getName());", "", "java.sql"));
        try (TestClient client = daemon.connect()) {
            client.greeting();
            assertThat(client.request("webhook")).containsExactly("+OK client HTTP_2");
            assertThat(client.request("jdbc")).containsExactly("+OK type INTEGER");
        }
        assertThat(daemon.logLines()).anyMatch(l -> l.endsWith("Plugin loaded: webhook 1.0 (test.webhook)."))
                .anyMatch(l -> l.endsWith("Plugin loaded: jdbc 1.0 (test.jdbc)."))
                .noneMatch(l -> l.contains("not found, required by"));
    }
}

package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outside author succeeds from the plugin guide alone: the guide's javac recipe (section 1)
 * and its install commands (section 6) are taken from the markdown's code blocks and run as
 * written, against dist/api, and the plugin they make answers in a live daemon.
 */
class GuideRecipeBuildsAPlugin {
    static final Path GUIDE = DaemonUnderTest.DIST.resolveSibling("module-info-docs/plugin-guide.md");
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```\\n");
    private static final Pattern FILE_COMMENT = Pattern.compile("\\A// (\\S+)\\n");

    @TempDir
    Path dir;
    @RegisterExtension
    static final SharedDaemon daemon = new SharedDaemon();

    /** The text of the guide's section whose heading starts with {@code ## <number>.}. */
    static String section(String guide, int number) {
        int start = guide.indexOf("\n## " + number + ". ");
        assertThat(start).as("section " + number + " in " + GUIDE).isNotNegative();
        int end = guide.indexOf("\n## ", start + 1);
        return guide.substring(start, end < 0 ? guide.length() : end);
    }

    @Test
    void theJavacRecipeAndTheInstallCommandsWorkAsWritten() throws Exception {
        String guide = Files.readString(GUIDE);
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        int files = 0;
        for (int number : new int[] {1, 6}) {
            Matcher block = BLOCK.matcher(section(guide, number));
            while (block.find()) {
                String language = block.group(1);
                String body = block.group(2);
                Matcher file = FILE_COMMENT.matcher(body);
                if (language.equals("java") && file.find()) {
                    Path target = dir.resolve(file.group(1));
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, body);
                    files++;
                } else if (language.equals("sh")) {
                    script.append(body);
                }
            }
        }
        assertThat(files).as("the recipe's source files").isEqualTo(2);
        assertThat(script).contains("javac ", "--module-version", "jar --create", "mv -T");

        Path api = DaemonUnderTest.DIST.resolve("api/matt-daemon-api-1.0.0.jar");
        assertThat(api).as("the build publishes the api jar").isRegularFile();
        assertThat(DaemonUnderTest.DIST.resolve("api/matt-daemon-api-1.0.0-javadoc.jar")).isRegularFile();
        assertThat(DaemonUnderTest.DIST.resolve("api/javadoc/mattdaemon.api/mattdaemon/api/Plugin.html")).isRegularFile();

        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script.toString()).directory(dir.toFile());
        bash.environment().put("MATT_API", api.toString());
        bash.environment().put("PLUGINS", daemon.pluginDir.toString());
        bash.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        DaemonUnderTest.Launch run = DaemonUnderTest.Launch.run(bash, Duration.ofSeconds(120));
        assertThat(run.exitCode()).as("the guide's commands:\n" + script + "\n" + run).isZero();
        assertThat(run.stdout()).contains("com.example.hello@1.0", "provides mattdaemon.api.Command with com.example.hello.HelloCommand");

        try (TestClient client = daemon.connect()) {
            client.greeting();
            assertThat(client.request("hello reader")).containsExactly("+OK hello reader");
        }
        daemon.awaitLogContaining("Plugin loaded: hello 1.0 (com.example.hello).");
        List<String> left = new ArrayList<>();
        try (var entries = Files.list(daemon.pluginDir)) {
            entries.forEach(p -> left.add(p.getFileName().toString()));
        }
        assertThat(left).containsExactly("hello");
    }
}

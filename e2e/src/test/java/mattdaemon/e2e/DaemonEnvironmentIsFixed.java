package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever the caller's environment says, the root daemon JVM starts with a fixed one, and JNA's
 * native library comes from the installed tree: a folder another user owns, named by
 * XDG_CACHE_HOME, TMPDIR, HOME or JAVA_TOOL_OPTIONS, is never written to or loaded from.
 */
class DaemonEnvironmentIsFixed {
    @TempDir
    Path dir;

    @Test
    void hostileEnvironmentReachesNeitherJvm() throws Exception {
        Path hostile = Files.createDirectories(dir.resolve("nobody"));
        Files.setAttribute(hostile, "unix:uid", 65534);
        Files.setAttribute(hostile, "unix:gid", 65534);
        Files.setPosixFilePermissions(hostile, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        // each of these would leave a file in the folder if a JVM honoured it
        String jvmOptions = "-Djava.io.tmpdir=" + hostile + " -Djna.tmpdir=" + hostile
                + " -Xlog:gc:file=" + hostile.resolve("%e.log");
        DaemonUnderTest paths = new DaemonUnderTest(dir)
                .withEnvironment("XDG_CACHE_HOME", hostile.toString())
                .withEnvironment("XDG_RUNTIME_DIR", hostile.toString())
                .withEnvironment("HOME", hostile.toString())
                .withEnvironment("TMPDIR", hostile.toString())
                .withEnvironment("JAVA_TOOL_OPTIONS", jvmOptions.replace("%e", "tool"))
                .withEnvironment("_JAVA_OPTIONS", jvmOptions.replace("%e", "underscore"))
                .withEnvironment("JDK_JAVA_OPTIONS", jvmOptions.replace("%e", "jdk"))
                .withEnvironment("LD_LIBRARY_PATH", hostile.toString())
                .withEnvironment("CLASSPATH", hostile.toString());
        ShippedPlugins.install(paths.pluginDir, "machinfo");
        try (DaemonUnderTest daemon = paths.start()) {
            assertThat(daemon.lastLaunch().stderr()).doesNotContain("Picked up");
            try (TestClient client = daemon.connect()) {
                client.greeting();
                assertThat(client.request("machinfo cpu").getLast()).isEqualTo("+OK 1 section");
            }
            String environ = Files.readString(Path.of("/proc", String.valueOf(daemon.pid()), "environ"), StandardCharsets.UTF_8);
            assertThat(Arrays.stream(environ.split("\0")).filter(s -> !s.isEmpty()).sorted().toList())
                    .containsExactly("LANG=C.UTF-8", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "_JAVA_SR_SIGNUM=44");
            List<String> jnidispatch = Files.readAllLines(Path.of("/proc", String.valueOf(daemon.pid()), "maps")).stream()
                    .filter(l -> l.contains("jnidispatch")).map(l -> l.substring(l.indexOf('/'))).distinct().toList();
            assertThat(jnidispatch).hasSize(1);
            assertThat(jnidispatch.getFirst()).startsWith(DaemonUnderTest.DIST.resolve("native") + "/");
            try (Stream<Path> left = Files.list(hostile)) {
                assertThat(left.toList()).as("files written to the other user's folder").isEmpty();
            }
        }
    }
}

package mattdaemon.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The plugin folders the build ships in {@code dist/plugins/}, put into a test daemon's plugin folder. */
final class ShippedPlugins {
    private ShippedPlugins() {
    }

    /** Copies every jar of {@code dist/plugins/<name>} into {@code pluginDir/<name>}, at once. */
    static Path install(Path pluginDir, String name) throws IOException {
        Path shipped = DaemonUnderTest.DIST.resolve("plugins").resolve(name);
        if (!Files.isDirectory(shipped)) {
            throw new IllegalStateException(shipped + " is missing: build dist/ first (mvn package)");
        }
        try (Stream<Path> files = Files.list(shipped)) {
            return PluginBuilder.install(pluginDir, name,
                    files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toArray(Path[]::new));
        }
    }
}

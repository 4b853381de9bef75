package mattdaemon.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real daemon shared by every test of a class, in a folder of its own: started (with the
 * given shipped plugins) before the first test, stopped and removed after the last.
 * Use as {@code @RegisterExtension static final SharedDaemon daemon = new SharedDaemon();}.
 */
final class SharedDaemon extends DaemonUnderTest implements BeforeAllCallback, AfterAllCallback {
    private final List<String> shippedPlugins;

    SharedDaemon(String... shippedPlugins) {
        super(temporaryFolder());
        this.shippedPlugins = List.of(shippedPlugins);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("matt-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        for (String plugin : shippedPlugins) {
            ShippedPlugins.install(pluginDir, plugin);
        }
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}

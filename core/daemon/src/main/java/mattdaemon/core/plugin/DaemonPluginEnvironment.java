package mattdaemon.core.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import mattdaemon.api.DaemonStatus;
import mattdaemon.api.PluginEnvironment;
import mattdaemon.core.log.DaemonLog;
import mattdaemon.core.log.LogText;

/** The environment handed to one plugin's {@link mattdaemon.api.PluginAware} providers. */
public final class DaemonPluginEnvironment implements PluginEnvironment {
    private final String name;
    private final Map<String, String> settings;
    private final Path stateDirectory;
    private final DaemonLog log;
    private final Supplier<DaemonStatus> status;

    /**
     * @param allSettings every {@code plugin.key} setting; only this plugin's are kept
     * @param stateRoot   the daemon's state folder; the plugin gets {@code plugins/<name>} in it
     */
    public DaemonPluginEnvironment(String name, Map<String, String> allSettings, Path stateRoot, DaemonLog log,
                                   Supplier<DaemonStatus> status) {
        this.name = name;
        Map<String, String> own = new LinkedHashMap<>();
        String prefix = name + ".";
        allSettings.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                own.put(k.substring(prefix.length()), v);
            }
        });
        this.settings = Map.copyOf(own);
        this.stateDirectory = stateRoot.resolve("plugins").resolve(name);
        this.log = log;
        this.status = status;
    }

    @Override
    public String pluginName() {
        return name;
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public Path stateDirectory() {
        try {
            Files.createDirectories(stateDirectory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return stateDirectory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void log(String message) {
        log.info(LogText.escape(name + ": " + message));
    }

    @Override
    public void logError(String message, Throwable cause) {
        if (cause == null) {
            log.error(LogText.escape(name + ": " + message));
        } else {
            log.error(LogText.escape(name + ": " + message), cause);
        }
    }

    @Override
    public DaemonStatus status() {
        return status.get();
    }
}

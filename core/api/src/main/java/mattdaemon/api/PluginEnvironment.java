package mattdaemon.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What the daemon offers a plugin outside of a request: its settings, a state folder, the log. */
public interface PluginEnvironment {

    /** The plugin's name (its folder name; {@code core} for built-ins). */
    String pluginName();

    /**
     * The plugin's settings: keys {@code <plugin>.<key>} of the daemon's configuration file,
     * without the prefix, e.g. {@code mail.smtp.host = ...} gives {@code smtp.host}.
     */
    Map<String, String> settings();

    /** One setting, see {@link #settings()}. */
    default Optional<String> setting(String key) {
        return Optional.ofNullable(settings().get(key));
    }

    /** A root-only folder for the plugin's state, created on first call. */
    Path stateDirectory();

    /** Writes one INFO line to the daemon log; control characters are escaped. */
    void log(String message);

    /** Writes one ERROR line (and the stack trace of {@code cause}, when given) to the daemon log. */
    void logError(String message, Throwable cause);

    /** The daemon's state now. */
    DaemonStatus status();

    /**
     * The plugin's {@link Plugin} provider, already started, or empty when the plugin provides
     * none. Commands and listeners use it in {@link PluginAware#attach} to reach what the plugin
     * shares, e.g. {@code plugin = (MyPlugin) environment.plugin().orElseThrow();}.
     */
    default Optional<Plugin> plugin() {
        return Optional.empty();
    }
}

package mattdaemon.api;

/**
 * Optional interface for a {@link Command} or {@link EventListener} that needs its settings,
 * a state folder, the log or its plugin's {@link Plugin} object. The daemon calls {@link #attach}
 * once, after creating the provider (and after {@link Plugin#start}, when the plugin has a
 * {@link Plugin}) and before its first use.
 */
public interface PluginAware {

    /**
     * Hands the provider its environment.
     *
     * @throws Exception when the settings are unusable; the plugin is then not loaded and the
     *                   reason is logged
     */
    void attach(PluginEnvironment environment) throws Exception;
}

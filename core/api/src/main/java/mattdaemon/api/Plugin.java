package mattdaemon.api;

/**
 * Optional: the plugin as a whole, for a plugin that owns threads, timers, connections or state
 * shared by its commands and listeners. A plugin module provides at most one, beside its
 * commands ({@code provides mattdaemon.api.Plugin with ...}).
 * <p>
 * Its life, as the daemon drives it:
 * <ol>
 * <li>the plugin's module layer is created and this provider instantiated;</li>
 * <li>{@link #start} is called once, before any command or listener of the plugin is created;
 *     they reach this object through {@link PluginEnvironment#plugin()} in
 *     {@link PluginAware#attach};</li>
 * <li>its commands run and its listeners get events;</li>
 * <li>{@link #stop} is called once when the plugin is replaced (after its replacement took over),
 *     removed, refused after a failed start, or when the daemon shuts down; after it returns the
 *     daemon drops the layer, and its class loader goes with the last reference to it.</li>
 * </ol>
 * A plugin without this service works as before: its providers live as long as its layer.
 */
public interface Plugin {

    /**
     * Starts the plugin: read its settings, create what its commands and listeners share, start
     * its threads.
     *
     * @param environment the plugin's settings, state folder and log
     * @throws Exception when the plugin cannot run (e.g. unusable settings); it is then refused,
     *                   the reason is logged and shown by {@code daemoninfo}, and {@link #stop}
     *                   is still called so that whatever was started can be undone
     */
    void start(PluginEnvironment environment) throws Exception;

    /**
     * Stops the plugin: interrupt and end every thread it started, close what it opened, drop
     * work it had queued. Called at most once, on a daemon thread, after which no command or
     * listener of the plugin is called again by the daemon (a call still running may finish).
     * It should return within a second or two; an exception is logged and ignored.
     */
    void stop();
}

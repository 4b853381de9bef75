/**
 * The Matt_daemon command SPI: everything a command plugin may see of the daemon.
 * <p>
 * A plugin module {@code provides mattdaemon.api.Command} (and optionally
 * {@code mattdaemon.api.EventListener}, and at most one {@code mattdaemon.api.Plugin} when it has
 * a life of its own to start and stop); the daemon finds them with
 * {@link java.util.ServiceLoader} in the plugin's own module layer. No dependencies, so plugins
 * stay free to pick their own.
 */
module mattdaemon.api {
    exports mattdaemon.api;
}

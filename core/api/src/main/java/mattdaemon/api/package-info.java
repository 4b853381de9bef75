/**
 * The published plugin API of Matt_daemon ({@link mattdaemon.api.ApiVersion#CURRENT}): a
 * {@link mattdaemon.api.Command} answers one request line with one {@link mattdaemon.api.Reply},
 * seeing the daemon only through {@link mattdaemon.api.CommandContext}; an
 * {@link mattdaemon.api.EventListener} observes {@link mattdaemon.api.DaemonEvent}s; an optional
 * {@link mattdaemon.api.Plugin} is started after loading and stopped before unloading.
 */
package mattdaemon.api;

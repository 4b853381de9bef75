/**
 * The built-in commands (help, quit, daemoninfo, daemonlogs, clearlogs): ordinary
 * {@link mattdaemon.api.Command} services of the core module, listed and dispatched exactly
 * like plugin commands.
 */
package mattdaemon.core.command;

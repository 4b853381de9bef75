/**
 * The built-in commands (help, quit, daemoninfo, daemonlogs, clearlogs, auth, daemonpass,
 * starttls): ordinary {@link mattdaemon.api.Command}s, made by
 * {@link mattdaemon.core.command.BuiltInCommands} and listed and dispatched exactly like plugin
 * commands.
 */
package mattdaemon.core.command;

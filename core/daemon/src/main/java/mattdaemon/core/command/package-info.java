/**
 * The built-in commands (help, quit, daemoninfo, daemonlogs, clearlogs, auth, daemonpass,
 * starttls): {@link mattdaemon.api.Command}s made by {@link mattdaemon.core.command.BuiltInCommands},
 * listed and dispatched like plugin commands. Those that need the core's own context or may run
 * before a session is admitted are {@link mattdaemon.core.request.CoreCommand}s.
 */
package mattdaemon.core.command;

/**
 * Where commands come from: the built-ins of the boot layer and, later, one module layer per
 * plugin folder; {@link mattdaemon.core.plugin.CommandRegistry} is the current set by name.
 */
package mattdaemon.core.plugin;

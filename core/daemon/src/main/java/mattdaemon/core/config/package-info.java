/**
 * The daemon's settings: defaults, the optional configuration file and command-line options,
 * merged into one immutable {@link mattdaemon.core.config.Settings}.
 */
package mattdaemon.core.config;

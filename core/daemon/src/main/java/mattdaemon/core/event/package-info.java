/**
 * Daemon events ({@link mattdaemon.api.DaemonEvent}) on their way to the plugins' listeners:
 * one bounded queue and one dispatcher thread, so no listener can slow a client.
 */
package mattdaemon.core.event;

/**
 * The daemon's log: one Log4j2 file appender in the Matt_daemon format, and the escaping that
 * keeps every client line on exactly one log line.
 */
package mattdaemon.core.log;

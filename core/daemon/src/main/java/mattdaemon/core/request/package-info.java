/**
 * From one decoded request to its outcome: the admission gate (TLS, then the password), dispatch
 * to a command or logging as a message, the command runner with its time limits, and the
 * per-call context whose session changes come back as values for the session to apply.
 */
package mattdaemon.core.request;

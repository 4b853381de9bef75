/**
 * {@code matt-cli} (also {@code Ben_AFK --command ...}): the command-line client for scripts
 * and monitoring. It connects like the window does (optionally TLS with a pinned certificate,
 * and a password from a file or stdin), runs the given commands one after another, prints
 * their body lines and exits 0 when every reply was {@code +OK}, 1 at the first {@code -ERR}.
 */
package mattdaemon.client.cli;

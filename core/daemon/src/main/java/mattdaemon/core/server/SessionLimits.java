package mattdaemon.core.server;

/**
 * Per-session bounds.
 *
 * @param maxLineBytes longest request line accepted
 */
public record SessionLimits(int maxLineBytes) {
}

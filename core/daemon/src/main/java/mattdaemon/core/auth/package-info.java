/**
 * Password protection: the salted PBKDF2 hash, its root-only file and the marker that protection
 * is on, the per-session rules (who is authenticated, how failures are slowed down and cut off),
 * the per-address {@link mattdaemon.core.auth.LoginThrottle} that outlives sessions, and
 * {@link mattdaemon.core.auth.PasswordChangeRule}: the first password is set from this machine.
 */
package mattdaemon.core.auth;

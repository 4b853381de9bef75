/**
 * Password protection: the salted PBKDF2 hash, its root-only file, and the per-session rules
 * (who is authenticated, how failures are slowed down and cut off).
 */
package mattdaemon.core.auth;

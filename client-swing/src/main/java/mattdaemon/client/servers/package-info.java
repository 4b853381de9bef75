/**
 * The servers a user connected to recently, newest first, with the TLS certificate
 * fingerprint each one presented on first use, kept in a small text file in the user's
 * configuration folder. Passwords are never stored.
 */
package mattdaemon.client.servers;

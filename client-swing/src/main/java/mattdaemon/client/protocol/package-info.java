/**
 * The Matt_daemon line protocol as a client sees it, with no user interface: connecting and
 * reading the greeting, requests and their replies (pipelined, matched in order), notices,
 * the Base64 line codec of {@code daemoncrypt}, the {@code starttls} upgrade with a pinned
 * certificate, and {@code auth}. Replies complete off the caller's thread, so a user
 * interface never waits on the network.
 */
package mattdaemon.client.protocol;

/**
 * Being a Unix daemon: the launcher that starts the detached daemon process and waits for its
 * readiness, the daemon's life from start to orderly exit, the single-instance lock and the
 * signals that end it.
 */
package mattdaemon.core.daemon;

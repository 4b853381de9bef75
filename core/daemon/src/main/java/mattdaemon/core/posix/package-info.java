/**
 * The few libc calls a Unix daemon needs and Java lacks (geteuid, setsid, umask, dup2, a thread's nice value,
 * posix_spawn with a signal mask, signalfd, sd_notify's datagram), made through
 * {@code java.lang.foreign}; no JNA, no JNI.
 */
package mattdaemon.core.posix;

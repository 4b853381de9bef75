/** The entry point: decides between launcher, detached daemon and foreground daemon. */
package mattdaemon.core;

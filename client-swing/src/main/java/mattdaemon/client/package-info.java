/**
 * Ben_AFK's entry point: reads the command line and opens the connect window.
 */
package mattdaemon.client;

/**
 * Ben_AFK's windows: the connect window, the main window with its console, command list,
 * key/value table, log viewer and status bar, and the controller that links them to a
 * {@link mattdaemon.client.protocol.DaemonConnection}. Everything here runs on the Swing event
 * thread; network work goes through the connection's own threads or a {@code SwingWorker}.
 */
package mattdaemon.client.ui;

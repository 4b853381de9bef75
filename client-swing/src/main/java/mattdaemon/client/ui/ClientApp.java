package mattdaemon.client.ui;

import javax.swing.SwingUtilities;

import mattdaemon.client.protocol.ConnectRequest;
import mattdaemon.client.protocol.Connector;
import mattdaemon.client.protocol.DaemonConnection;
import mattdaemon.client.servers.RecentServers;

/**
 * Ben_AFK's windows and their order: the connect window first, then the main window, which
 * can reconnect to the same server or go back to the connect window for another. Call every
 * method on the event thread.
 */
public final class ClientApp {
    private final Connector connector;
    private final RecentServers recent;
    private MainWindow main;
    private ConnectWindow connect;
    private ConnectRequest last;

    /** Connects with {@code connector} and remembers servers in {@code recent}. */
    public ClientApp(Connector connector, RecentServers recent) {
        this.connector = connector;
        this.recent = recent;
    }

    /** Opens the connect window, filled with {@code host} and {@code port}. */
    public void start(String host, int port) {
        ensureEdt();
        connect = new ConnectWindow(connector, recent, host, port, this::connected);
        connect.setVisible(true);
    }

    private void connected(DaemonConnection connection, ConnectRequest request) {
        last = request;
        if (main == null || !main.isDisplayable()) {
            main = new MainWindow(this::reconnect, this::newConnection);
        }
        main.attach(connection);
        main.setVisible(true);
        if (connect != null) {
            connect.dispose();
            connect = null;
        }
    }

    /** Connects again with the last settings, password included (kept in memory only). */
    private void reconnect() {
        if (last == null) {
            return;
        }
        main.reconnecting(last.address());
        new ConnectTask(connector, recent, last, this::connected, main::reconnectFailed).execute();
    }

    private void newConnection() {
        if (connect == null || !connect.isDisplayable()) {
            String host = last == null ? "localhost" : last.host();
            int port = last == null ? 4242 : last.port();
            connect = new ConnectWindow(connector, recent, host, port, this::connected);
        }
        connect.setVisible(true);
        connect.toFront();
    }

    private static void ensureEdt() {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("call on the event dispatch thread");
        }
    }
}

package mattdaemon.client.ui;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javax.swing.SwingWorker;

import mattdaemon.client.protocol.ConnectFailure;
import mattdaemon.client.protocol.ConnectRequest;
import mattdaemon.client.protocol.Connector;
import mattdaemon.client.protocol.DaemonConnection;
import mattdaemon.client.servers.RecentServer;
import mattdaemon.client.servers.RecentServers;

/**
 * Connects off the event thread, remembers the server (with the certificate fingerprint seen
 * on first use), then reports the connection or the failure's message on the event thread.
 */
final class ConnectTask extends SwingWorker<DaemonConnection, Void> {
    private final Connector connector;
    private final RecentServers recent;
    private final ConnectRequest request;
    private final BiConsumer<DaemonConnection, ConnectRequest> connected;
    private final Consumer<String> failed;

    ConnectTask(Connector connector, RecentServers recent, ConnectRequest request,
                BiConsumer<DaemonConnection, ConnectRequest> connected, Consumer<String> failed) {
        this.connector = connector;
        this.recent = recent;
        this.request = request;
        this.connected = connected;
        this.failed = failed;
    }

    @Override
    protected DaemonConnection doInBackground() throws ConnectFailure {
        DaemonConnection connection = connector.connect(request);
        String fingerprint = connection.pin().seen().or(() -> connection.pin().expected()).orElse("");
        try {
            recent.remember(new RecentServer(request.host(), request.port(), request.tls(), fingerprint));
        } catch (IOException e) {
            // remembering is a convenience: the session itself is fine
        }
        return connection;
    }

    @Override
    protected void done() {
        try {
            connected.accept(get(), request);
        } catch (ExecutionException e) {
            failed.accept(e.getCause() instanceof ConnectFailure f ? f.getMessage() : "Connection failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.accept("Connection interrupted.");
        }
    }
}

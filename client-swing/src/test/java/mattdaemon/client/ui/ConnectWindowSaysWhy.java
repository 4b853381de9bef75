package mattdaemon.client.ui;

import static mattdaemon.client.ui.Gui.await;
import static mattdaemon.client.ui.Gui.find;
import static mattdaemon.client.ui.Gui.onEdt;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JTextField;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mattdaemon.client.RunningDaemon;
import mattdaemon.client.protocol.Connector;
import mattdaemon.client.servers.RecentServers;

/** The connect window tells a stopped daemon from a full one, and stays open to try again. */
class ConnectWindowSaysWhy {
    @TempDir
    Path dir;
    Gui gui;
    ConnectWindow window;
    final AtomicBoolean connected = new AtomicBoolean();

    @BeforeEach
    void open() throws Exception {
        gui = new Gui();
        RecentServers recent = new RecentServers(dir.resolve("recent-servers"));
        window = onEdt(() -> {
            Theme.apply(false);
            ConnectWindow w = new ConnectWindow(new Connector(Duration.ofSeconds(10)), recent, "127.0.0.1", 4242,
                    (connection, request) -> {
                        connected.set(true);
                        connection.close();
                    });
            w.setVisible(true);
            return w;
        });
        Gui.window(ConnectWindow.class);
    }

    @AfterEach
    void close() {
        onEdt(window::dispose);
    }

    /** Replaces the port by typing, then presses the Connect button's mnemonic (Alt+C). */
    void connectTo(int port) {
        JTextField field = find(window, "port", JTextField.class);
        gui.focus(field);
        gui.keys(KeyEvent.VK_CONTROL, KeyEvent.VK_A);
        await("the port selected", () -> field.getSelectedText() != null && field.getSelectedText().equals(field.getText()));
        gui.type(String.valueOf(port));
        await("the new port typed", () -> field.getText().equals(String.valueOf(port)));
        gui.keys(KeyEvent.VK_ALT, KeyEvent.VK_C);
    }

    String message() {
        return onEdt(() -> find(window, "connectMessage", JLabel.class).getText());
    }

    @Test
    void aStoppedDaemonIsToldAsNotRunning() throws Exception {
        int port = RunningDaemon.freePort();
        connectTo(port);
        await("the refusal", () -> message().contains("not running on 127.0.0.1:" + port));
        assertThat(message()).contains("connection refused");
        assertThat(onEdt(() -> find(window, "connect", JButton.class).isEnabled())).isTrue();
        assertThat(connected).isFalse();
    }

    @Test
    void aFullDaemonIsToldAsFull() throws Exception {
        try (RunningDaemon daemon = RunningDaemon.start(dir.resolve("daemon"), "--max-clients", "1")) {
            Socket holder = new Socket("127.0.0.1", daemon.port());
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine())
                    .startsWith("* Matt_daemon");
            connectTo(daemon.port());
            await("the MAXCLIENTS refusal", () -> message().contains("already serves all the clients it allows"));
            assertThat(message()).contains("1 client", "Try again once another client has disconnected");
            assertThat(connected).isFalse();
            holder.close();
            daemon.awaitLog("Client disconnected", 30); // its slot is free once that is logged
            await("the Connect button enabled again", () -> find(window, "connect", JButton.class).isEnabled());
            gui.keys(KeyEvent.VK_ALT, KeyEvent.VK_C);
            await("a connection once the slot is free", connected::get);
        }
    }
}

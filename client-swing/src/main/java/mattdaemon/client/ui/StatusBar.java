package mattdaemon.client.ui;

import java.awt.FlowLayout;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.SwingConstants;
import javax.swing.UIManager;

import mattdaemon.client.protocol.SessionState;

/** Connected or not, authenticated or not, and how lines travel (plain, Base64, TLS). */
final class StatusBar extends JPanel {
    private final JLabel connection = label("status.connection");
    private final JLabel auth = label("status.auth");
    private final JLabel encoding = label("status.encoding");

    StatusBar() {
        super(new FlowLayout(FlowLayout.LEFT, 10, 3));
        setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Component.borderColor")));
        add(connection);
        add(new JSeparator(SwingConstants.VERTICAL));
        add(auth);
        add(new JSeparator(SwingConstants.VERTICAL));
        add(encoding);
    }

    private static JLabel label(String name) {
        JLabel label = new JLabel();
        label.setName(name);
        return label;
    }

    /** Shows {@code state} of the session with {@code address} (host:port) and the daemon's version. */
    void show(String address, String version, boolean passwordRequired, SessionState state) {
        connection.setText(state.connected() ? "● Connected to " + address + " (Matt_daemon " + version + ")"
                : "○ Disconnected from " + address);
        auth.setText(state.authenticated() ? "Authenticated" : passwordRequired ? "Not authenticated" : "No password needed");
        encoding.setText("Encoding: " + state.encoding());
    }
}

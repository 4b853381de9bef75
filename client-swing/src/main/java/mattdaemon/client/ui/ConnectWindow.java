package mattdaemon.client.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.function.BiConsumer;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.UIManager;
import javax.swing.WindowConstants;

import mattdaemon.client.protocol.CertificatePin;
import mattdaemon.client.protocol.ConnectRequest;
import mattdaemon.client.protocol.Connector;
import mattdaemon.client.protocol.DaemonConnection;
import mattdaemon.client.servers.RecentServer;
import mattdaemon.client.servers.RecentServers;

/**
 * Asks where to connect: host, port, TLS, password, or one of the recent servers. Says
 * plainly why a connection failed (daemon down, client limit reached, wrong password, ...).
 * The most recent server is selected when it opens and the password field has the focus (host
 * and port are filled in already); Escape and Alt+Q close it from any field.
 */
final class ConnectWindow extends JFrame {
    private final Connector connector;
    private final RecentServers recent;
    private final BiConsumer<DaemonConnection, ConnectRequest> connected;
    private final JComboBox<RecentServer> recentBox = new JComboBox<>();
    private final JTextField host = new JTextField(18);
    private final JTextField port = new JTextField(6);
    private final JCheckBox tls = new JCheckBox("Use TLS (starttls)");
    private final JPasswordField password = new JPasswordField(18);
    private final JLabel message = new JLabel(" ");
    private final JButton connect = new JButton("Connect");

    ConnectWindow(Connector connector, RecentServers recent, String initialHost, int initialPort,
                  BiConsumer<DaemonConnection, ConnectRequest> connected) {
        super("Ben_AFK – connect to Matt_daemon");
        this.connector = connector;
        this.recent = recent;
        this.connected = connected;
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        host.setName("host");
        host.setText(initialHost);
        port.setName("port");
        port.setText(String.valueOf(initialPort));
        tls.setName("tls");
        tls.setMnemonic('T');
        password.setName("password");
        password.putClientProperty("JTextField.placeholderText", "only if the daemon asks for one");
        message.setName("connectMessage");
        connect.setName("connect");
        connect.setMnemonic('C');
        connect.addActionListener(e -> connect());
        recentBox.setName("recent");
        recent.list().forEach(recentBox::addItem);
        recentBox.setSelectedIndex(-1);
        recentBox.addActionListener(e -> {
            if (recentBox.getSelectedItem() instanceof RecentServer s) {
                host.setText(s.host());
                port.setText(String.valueOf(s.port()));
                tls.setSelected(s.tls());
            }
        });
        // the last server used is the likeliest next one, unless the command line named another
        recent.list().stream().findFirst()
                .filter(s -> s.host().equals(initialHost) && s.port() == initialPort || initialIsDefault(initialHost, initialPort))
                .ifPresent(recentBox::setSelectedItem);
        JPanel content = new JPanel(new BorderLayout(0, 10));
        content.setBorder(BorderFactory.createEmptyBorder(14, 16, 12, 16));
        JLabel heading = new JLabel("Connect to Matt_daemon");
        heading.putClientProperty("FlatLaf.styleClass", "h2");
        content.add(heading, BorderLayout.NORTH);
        content.add(form(), BorderLayout.CENTER);
        content.add(buttons(), BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().setDefaultButton(connect);
        closeOn(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0));
        // the Quit button's mnemonic, whichever field (the Recent box too) has the focus
        closeOn(KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.ALT_DOWN_MASK));
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowOpened(WindowEvent e) {
                password.requestFocusInWindow();
            }
        });
        WindowPlacement.packCentred(this);
    }

    private static boolean initialIsDefault(String host, int port) {
        return host.equals("localhost") && port == 4242;
    }

    private void closeOn(KeyStroke key) {
        String name = "close-" + key;
        getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(key, name);
        getRootPane().getActionMap().put(name, new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                dispose();
            }
        });
    }

    private JPanel form() {
        JPanel form = new JPanel(new GridBagLayout());
        int row = 0;
        if (recentBox.getItemCount() > 0) {
            addRow(form, row++, "Recent:", 'R', recentBox);
        }
        addRow(form, row++, "Host:", 'H', host);
        addRow(form, row++, "Port:", 'P', port);
        addRow(form, row++, "Password:", 'W', password);
        GridBagConstraints c = constraints(1, row++);
        form.add(tls, c);
        c = constraints(0, row);
        c.gridwidth = 2;
        form.add(message, c);
        return form;
    }

    private static void addRow(JPanel form, int row, String text, char mnemonic, JComponent field) {
        JLabel label = new JLabel(text);
        label.setDisplayedMnemonic(mnemonic);
        label.setLabelFor(field);
        form.add(label, constraints(0, row));
        GridBagConstraints c = constraints(1, row);
        c.weightx = 1;
        form.add(field, c);
    }

    private static GridBagConstraints constraints(int x, int y) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = y;
        c.anchor = GridBagConstraints.WEST;
        c.fill = x == 0 ? GridBagConstraints.NONE : GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(3, 0, 3, 8);
        return c;
    }

    private JPanel buttons() {
        JButton quit = new JButton("Quit");
        quit.setMnemonic('Q');
        quit.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        buttons.add(quit);
        buttons.add(connect);
        return buttons;
    }

    private void connect() {
        ConnectRequest request;
        try {
            int number = Integer.parseInt(port.getText().strip());
            String name = host.getText().strip();
            CertificatePin pin = recent.find(name, number).flatMap(RecentServer::pin)
                    .map(CertificatePin::of).orElseGet(CertificatePin::firstUse);
            request = new ConnectRequest(name, number, tls.isSelected(), new String(password.getPassword()), pin);
        } catch (NumberFormatException e) {
            failed("The port must be a number between 1 and 65535.");
            return;
        } catch (IllegalArgumentException e) {
            failed("Cannot connect: " + e.getMessage() + ".");
            return;
        }
        busy(true);
        say("Connecting to " + request.address() + "…", UIManager.getColor("Label.foreground"));
        new ConnectTask(connector, recent, request, (connection, r) -> {
            busy(false);
            say(" ", UIManager.getColor("Label.foreground"));
            connected.accept(connection, r);
        }, this::failed).execute();
    }

    private void failed(String text) {
        busy(false);
        say(text, UIManager.getColor("Component.error.focusedBorderColor"));
    }

    private void say(String text, java.awt.Color color) {
        message.setForeground(color);
        // HTML lets a long reason wrap inside the window's width
        message.setText(text.isBlank() ? " " : "<html><body style='width:330px'>" + escape(text) + "</body></html>");
        message.setToolTipText(text.isBlank() ? null : text);
        pack();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void busy(boolean busy) {
        connect.setEnabled(!busy);
        host.setEnabled(!busy);
        port.setEnabled(!busy);
        tls.setEnabled(!busy);
        password.setEnabled(!busy);
    }
}

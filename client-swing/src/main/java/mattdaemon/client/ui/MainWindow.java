package mattdaemon.client.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import mattdaemon.client.protocol.CommandInfo;
import mattdaemon.client.protocol.DaemonConnection;
import mattdaemon.client.protocol.SessionState;

/**
 * The main window: the server's commands on the left; the console, the info table and the
 * log viewer in tabs; the status bar below; menus with mnemonics and shortcuts (Ctrl+L clears
 * the console, Ctrl+R reconnects). After a tab switch (Alt+1, 2, 3) or any shortcut the keyboard
 * is where the user will type next: the command line on the console, the filter on the logs.
 */
final class MainWindow extends JFrame {
    private final ConsolePanel console = new ConsolePanel();
    private final CommandListPanel commands = new CommandListPanel();
    private final KeyValuePanel info = new KeyValuePanel(line -> controller().quiet(line));
    private final LogViewerPanel logs = new LogViewerPanel(this::quiet);
    private final StatusBar status = new StatusBar();
    private final JTabbedPane tabs = new JTabbedPane();
    private final Action reconnect;
    private SessionController controller;

    MainWindow(Runnable reconnectAction, Runnable newConnection) {
        super("Ben_AFK");
        setName("main");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        reconnect = action("Reconnect", 'R', KeyStroke.getKeyStroke(KeyEvent.VK_R, InputEvent.CTRL_DOWN_MASK), reconnectAction);
        reconnect.setEnabled(false);
        console.onSubmit(line -> controller().submit(line));
        commands.onPick(c -> console.fill(c.name() + " "));
        tabs.addTab("Console", console);
        tabs.addTab("Info", info);
        tabs.addTab("Logs", logs);
        tabs.setMnemonicAt(0, KeyEvent.VK_1);
        tabs.setMnemonicAt(1, KeyEvent.VK_2);
        tabs.setMnemonicAt(2, KeyEvent.VK_3);
        tabs.setName("tabs");
        tabs.addChangeListener(e -> {
            if (tabs.getSelectedComponent() == logs) {
                logs.shown();
            }
            focusTyping();
        });
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, commands, tabs);
        split.setResizeWeight(0);
        add(split, BorderLayout.CENTER);
        add(status, BorderLayout.SOUTH);
        setJMenuBar(menus(newConnection));
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                if (controller != null) {
                    controller.disconnect();
                }
            }

            @Override
            public void windowOpened(WindowEvent e) {
                focusTyping();
            }
        });
        setPreferredSize(new Dimension(1120, 680));
        WindowPlacement.packCentred(this);
    }

    private JMenuBar menus(Runnable newConnection) {
        JMenu connection = new JMenu("Connection");
        connection.setMnemonic('C');
        connection.add(new JMenuItem(reconnect));
        connection.add(new JMenuItem(action("New connection…", 'N',
                KeyStroke.getKeyStroke(KeyEvent.VK_N, InputEvent.CTRL_DOWN_MASK), newConnection)));
        connection.add(new JMenuItem(action("Disconnect", 'D', null, () -> {
            if (controller != null) {
                controller.disconnect();
            }
        })));
        connection.addSeparator();
        connection.add(new JMenuItem(action("Close window", 'l',
                KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK), this::dispose)));
        JMenu view = new JMenu("View");
        view.setMnemonic('V');
        JMenuItem clear = new JMenuItem(action("Clear console", 'C',
                KeyStroke.getKeyStroke(KeyEvent.VK_L, InputEvent.CTRL_DOWN_MASK), console::clear));
        clear.setName("clearConsole");
        view.add(clear);
        view.add(new JMenuItem(action("Refresh commands", 'R', KeyStroke.getKeyStroke(KeyEvent.VK_F5, 0),
                () -> controller().quiet("help"))));
        JCheckBoxMenuItem dark = new JCheckBoxMenuItem("Dark theme", Theme.isDark());
        dark.setMnemonic('D');
        dark.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_D, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK));
        dark.addActionListener(e -> {
            Theme.apply(dark.isSelected());
            focusTyping();
        });
        view.add(dark);
        JMenuBar bar = new JMenuBar();
        bar.add(connection);
        bar.add(view);
        return bar;
    }

    /**
     * Puts the keyboard focus where typing goes on the tab shown: the command line, the log
     * filter, or the info table. Later on the event queue, so it wins over the focus a menu or
     * a tab's mnemonic hands back when it closes.
     */
    void focusTyping() {
        SwingUtilities.invokeLater(() -> {
            if (!isDisplayable()) {
                return;
            }
            java.awt.Component selected = tabs.getSelectedComponent();
            if (selected == console) {
                console.commandLine().requestFocusInWindow();
            } else if (selected == logs) {
                logs.filter().requestFocusInWindow();
            } else {
                info.requestFocusInWindow();
            }
        });
    }

    private Action action(String name, char mnemonic, KeyStroke key, Runnable run) {
        Action action = new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                run.run();
                focusTyping();
            }
        };
        action.putValue(Action.MNEMONIC_KEY, (int) Character.toUpperCase(mnemonic));
        if (key != null) {
            action.putValue(Action.ACCELERATOR_KEY, key);
        }
        return action;
    }

    /** Shows a new session in this window (first connect or reconnect). */
    void attach(DaemonConnection connection) {
        SessionController previous = controller;
        controller = new SessionController(connection, this);
        reconnect.setEnabled(false);
        setTitle("Ben_AFK – " + connection.host() + ":" + connection.port());
        console.append(ConsoleStyle.NOTICE, "Connected to " + connection.host() + ":" + connection.port()
                + " (Matt_daemon " + connection.greeting().version() + ").");
        if (previous != null) {
            previous.disconnect();
        }
        controller.start();
    }

    /** Whether {@code c} drives this window now; callbacks of a replaced session are ignored. */
    boolean isCurrent(SessionController c) {
        return controller == c;
    }

    /** Sends a request whose reply goes only to its view, once connected. */
    private void quiet(String line) {
        if (controller != null) {
            controller.quiet(line);
        }
    }

    private SessionController controller() {
        return controller;
    }

    void commandsChanged(List<CommandInfo> list) {
        commands.show(list);
        List<String> names = list.stream().map(CommandInfo::name).toList();
        console.commandNames(names);
        info.available(names);
    }

    void showState(DaemonConnection connection, SessionState state) {
        status.show(connection.host() + ":" + connection.port(), connection.greeting().version(),
                connection.greeting().passwordRequired(), state);
    }

    void disconnected(String why) {
        console.append(ConsoleStyle.NOTICE, why + " Ctrl+R reconnects.");
        logs.stopFollowing();
        reconnect.setEnabled(true);
    }

    void reconnecting(String address) {
        reconnect.setEnabled(false);
        console.append(ConsoleStyle.NOTICE, "Reconnecting to " + address + "…");
    }

    /** A failed reconnect is told in the console. */
    void reconnectFailed(String why) {
        console.append(ConsoleStyle.ERROR, why);
        reconnect.setEnabled(true);
    }

    ConsolePanel console() {
        return console;
    }

    KeyValuePanel info() {
        return info;
    }

    LogViewerPanel logs() {
        return logs;
    }
}

package mattdaemon.client.ui;

import static mattdaemon.client.ui.Gui.await;
import static mattdaemon.client.ui.Gui.find;
import static mattdaemon.client.ui.Gui.onEdt;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.JTextPane;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import mattdaemon.client.RunningDaemon;
import mattdaemon.client.servers.RecentServer;
import mattdaemon.client.servers.RecentServers;

/**
 * Where the keyboard is and what the user sees, in real windows under Xvfb against the real
 * daemon: the connect window opens on the last server with the focus in the password field and
 * closes on Escape and Alt+Q; after Alt+1/2/3 and every shortcut the focus is where typing goes;
 * the Logs tab fills when first shown, its Time column fits a whole time stamp, long console
 * lines wrap, and following the log adds no line to it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BenAfkWhereTheUserTypes {
    @TempDir
    static Path dir;
    static RunningDaemon daemon;
    static RecentServers recent;
    static Gui gui;
    static MainWindow main;

    @BeforeAll
    static void start() throws Exception {
        daemon = RunningDaemon.start(dir.resolve("daemon"));
        recent = new RecentServers(dir.resolve("config/recent-servers"));
        recent.remember(new RecentServer("127.0.0.1", daemon.port(), false, ""));
        gui = new Gui();
    }

    @AfterAll
    static void stop() {
        Gui.disposeAllWindows();
        daemon.close();
    }

    static Component focusOwner() {
        return onEdt(() -> KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner());
    }

    static void awaitFocus(String what, Component expected) {
        try {
            await("the focus in " + what, () -> focusOwner() == expected);
        } catch (AssertionError e) {
            Component owner = focusOwner();
            throw new AssertionError(e.getMessage() + "; focus owner: " + (owner == null ? "none" : owner.getClass().getSimpleName()
                    + " " + owner.getName()), e);
        }
    }

    static ConnectWindow openConnectWindow() {
        Gui.startClient(daemon.port(), recent);
        ConnectWindow window = Gui.window(ConnectWindow.class);
        await("the connect window focused", () -> onEdt(window::isFocused));
        return window;
    }

    @Test
    @Order(1)
    void connectWindowOpensOnTheLastServerWithThePasswordFocusedAndClosesOnEscapeAndAltQ() {
        ConnectWindow window = openConnectWindow();
        JComboBox<?> box = find(window, "recent", JComboBox.class);
        assertThat(onEdt(box::getSelectedItem)).isEqualTo(new RecentServer("127.0.0.1", daemon.port(), false, ""));
        awaitFocus("the password field", find(window, "password", JPasswordField.class));
        gui.keys(KeyEvent.VK_ESCAPE);
        await("Escape to close the connect window", () -> !onEdt(window::isDisplayable));

        ConnectWindow again = openConnectWindow();
        // Alt+Q from the Recent box, which used to swallow it
        gui.focus(find(again, "recent", JComboBox.class));
        gui.keys(KeyEvent.VK_ALT, KeyEvent.VK_Q);
        await("Alt+Q to close the connect window", () -> !onEdt(again::isDisplayable));
    }

    @Test
    @Order(2)
    void focusIsWhereTypingGoesAfterEveryTabSwitchAndShortcut() {
        ConnectWindow window = openConnectWindow();
        awaitFocus("the password field", find(window, "password", JPasswordField.class));
        gui.keys(KeyEvent.VK_ENTER);
        main = Gui.window(MainWindow.class);
        JTextField commandLine = find(main, "commandLine", JTextField.class);
        JTextField filter = find(main, "logFilter", JTextField.class);
        JTabbedPane tabs = find(main, "tabs", JTabbedPane.class);
        awaitFocus("the command line at the start", commandLine);

        gui.keys(KeyEvent.VK_ALT, KeyEvent.VK_3);
        await("the Logs tab", () -> onEdt(tabs::getSelectedIndex) == 2);
        awaitFocus("the log filter after Alt+3", filter);
        gui.keys(KeyEvent.VK_ALT, KeyEvent.VK_2);
        await("the Info tab", () -> onEdt(tabs::getSelectedIndex) == 1);
        gui.keys(KeyEvent.VK_ALT, KeyEvent.VK_1);
        await("the Console tab", () -> onEdt(tabs::getSelectedIndex) == 0);
        awaitFocus("the command line after Alt+1", commandLine);
        gui.type("typed after alt");
        await("what was typed on the command line", () -> Gui.<String>onEdt(() -> commandLine.getText()).equals("typed after alt"));
        onEdt(() -> commandLine.setText(""));

        for (int[] shortcut : List.of(new int[] {KeyEvent.VK_CONTROL, KeyEvent.VK_L}, new int[] {KeyEvent.VK_F5},
                new int[] {KeyEvent.VK_CONTROL, KeyEvent.VK_SHIFT, KeyEvent.VK_D}, new int[] {KeyEvent.VK_CONTROL, KeyEvent.VK_SHIFT, KeyEvent.VK_D})) {
            gui.keys(shortcut);
            Gui.sleep(300);
            awaitFocus("the command line after shortcut " + KeyEvent.getKeyText(shortcut[shortcut.length - 1]), commandLine);
        }
        // a menu opened with its mnemonic and closed with Escape hands the focus back too
        gui.keys(KeyEvent.VK_ALT, KeyEvent.VK_V);
        Gui.sleep(300);
        gui.keys(KeyEvent.VK_ESCAPE);
        gui.keys(KeyEvent.VK_ESCAPE);
        awaitFocus("the command line after the View menu", commandLine);
    }

    @Test
    @Order(3)
    void logsTabFillsWhenFirstShownAndItsTimeColumnFitsAWholeTimeStamp() {
        JTable table = find(main, "logTable", JTable.class);
        // it was first shown by Alt+3 above, without Refresh
        await("log lines in the Logs tab", () -> onEdt(table::getRowCount) > 0);
        String time = onEdt(() -> String.valueOf(table.getValueAt(0, 0)));
        assertThat(time).matches("\\d\\d/\\d\\d/\\d{4}-\\d\\d:\\d\\d:\\d\\d");
        int needed = onEdt(() -> {
            Component cell = table.prepareRenderer(table.getCellRenderer(0, 0), 0, 0);
            return cell.getPreferredSize().width;
        });
        int width = onEdt(() -> table.getColumnModel().getColumn(0).getWidth());
        assertThat(width).as("Time column width for " + time).isGreaterThanOrEqualTo(needed);
    }

    @Test
    @Order(4)
    void longConsoleLinesWrapInsteadOfRunningOffTheEdge() {
        JTextPane console = find(main, "console", JTextPane.class);
        String longLine = "long " + "0123456789abcdef ".repeat(40) + "end";
        onEdt(() -> main.console().append(ConsoleStyle.BODY, longLine));
        await("the long line in the console", () -> Gui.<String>onEdt(() -> console.getText()).contains("end"));
        JScrollPane scroll = (JScrollPane) SwingUtilities.getAncestorOfClass(JScrollPane.class, console);
        Gui.sleep(300);
        assertThat(onEdt(() -> console.getWidth())).isLessThanOrEqualTo(onEdt(() -> scroll.getViewport().getWidth()));
        assertThat(onEdt(() -> scroll.getHorizontalScrollBar().isShowing())).isFalse();
    }

    @Test
    @Order(5)
    void followingTheLogForTenSecondsAddsNoLineToIt() throws Exception {
        JTabbedPane tabs = find(main, "tabs", JTabbedPane.class);
        gui.keys(KeyEvent.VK_ALT, KeyEvent.VK_3);
        await("the Logs tab", () -> onEdt(tabs::getSelectedIndex) == 2);
        JCheckBox follow = find(main, "logFollow", JCheckBox.class);
        gui.click(follow);
        await("follow on", () -> onEdt(follow::isSelected));
        // following starts with one ordinary, logged fetch
        daemon.awaitLog("Request daemonlogs 200.", 10);
        Gui.sleep(1000);
        int before = daemon.log().size();
        // another client's line during the 10 s proves the polls run: it must show up in the table
        try (Socket other = new Socket("127.0.0.1", daemon.port())) {
            OutputStream out = other.getOutputStream();
            out.write("seen while following\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            other.getInputStream().read(new byte[256]);
            Gui.sleep(500);
        }
        JTable table = find(main, "logTable", JTable.class);
        await("the other client's line in the followed table", () -> onEdt(() -> {
            for (int r = 0; r < table.getRowCount(); r++) {
                if (String.valueOf(table.getValueAt(r, 2)).contains("seen while following")) {
                    return true;
                }
            }
            return false;
        }));
        Gui.sleep(10_000 - 500);
        List<String> added = daemon.log().subList(before, daemon.log().size());
        // exactly the other client's connect, message and disconnect: nothing from the polls
        assertThat(added).hasSize(3).noneMatch(l -> l.contains("daemonlogs"));
        assertThat(added.get(1)).endsWith("User input: seen while following");
        gui.click(follow);
        await("follow off", () -> !onEdt(follow::isSelected));
    }
}

package mattdaemon.client.ui;

import static mattdaemon.client.ui.Gui.await;
import static mattdaemon.client.ui.Gui.find;
import static mattdaemon.client.ui.Gui.onEdt;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.JTextPane;

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
 * One session as a person has it, in a real window under Xvfb against the real daemon:
 * connect, read the command list, type commands, use history and completion, see the info
 * table and the log viewer, get a plugin dropped in while connected and switch to Base64
 * with it, clear the console, and be told when the daemon goes away. Each step waits for
 * what it needs (focus, a showing component) and for what it should show.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BenAfkAgainstTheRealDaemon {
    @TempDir
    static Path dir;
    static RunningDaemon daemon;
    static RecentServers recent;
    static Gui gui;
    static MainWindow main;

    @BeforeAll
    static void start() throws Exception {
        daemon = RunningDaemon.start(dir.resolve("daemon"));
        // the daemon makes its TLS key after it is ready: wait for it, so the screenshot's
        // daemoninfo shows the certificate's fingerprint rather than "not ready"
        daemon.awaitLog("TLS certificate SHA-256 fingerprint", 60);
        recent = new RecentServers(dir.resolve("config/recent-servers"));
        gui = new Gui();
        Gui.startClient(daemon.port(), recent);
    }

    @AfterAll
    static void stop() {
        Gui.disposeAllWindows();
        daemon.close();
    }

    static String console() {
        return onEdt(() -> find(main, "console", JTextPane.class).getText());
    }

    /** Waits for {@code text} in the console; a time-out shows what the console holds. */
    static void awaitConsole(String text) {
        try {
            await("\"" + text + "\" in the console", () -> console().contains(text));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; console:\n" + console(), e);
        }
    }

    static JTextField commandLine() {
        return find(main, "commandLine", JTextField.class);
    }

    /** Types a line into the command line and presses Enter; waits until it has been sent. */
    static void enter(String line) {
        JTextField field = commandLine();
        onEdt(() -> field.setText(""));
        gui.typeInto(field, line);
        gui.keys(KeyEvent.VK_ENTER);
        await("the command line emptied by Enter", () -> field.getText().isEmpty());
    }

    static String label(String name) {
        return onEdt(() -> find(main, name, JLabel.class).getText());
    }

    @Test
    @Order(1)
    void enterInTheConnectWindowConnectsAndListsTheServersCommands() {
        ConnectWindow connect = Gui.window(ConnectWindow.class);
        assertThat(onEdt(() -> find(connect, "port", JTextField.class).getText())).isEqualTo(String.valueOf(daemon.port()));
        gui.focus(find(connect, "password", javax.swing.JPasswordField.class));
        gui.keys(KeyEvent.VK_ENTER);
        main = Gui.window(MainWindow.class);
        JList<?> commands = find(main, "commands", JList.class);
        await("the command list from help", () -> names(commands).contains("starttls"));
        assertThat(onEdt(() -> names(commands)))
                .contains("auth", "clearlogs", "daemoninfo", "daemonlogs", "daemonpass", "help", "quit", "starttls")
                .doesNotContain("daemoncrypt");
        await("the status bar", () -> label("status.connection").startsWith("●"));
        assertThat(label("status.connection")).contains("Connected to 127.0.0.1:" + daemon.port(), "Matt_daemon 1.0.0");
        assertThat(label("status.auth")).isEqualTo("No password needed");
        assertThat(label("status.encoding")).isEqualTo("Encoding: plain");
        assertThat(recent.list()).containsExactly(new RecentServer("127.0.0.1", daemon.port(), false, ""));
        assertThat(onEdt(connect::isDisplayable)).isFalse();
    }

    private static List<String> names(JList<?> list) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.getModel().getSize(); i++) {
            names.add(((mattdaemon.client.protocol.CommandInfo) list.getModel().getElementAt(i)).name());
        }
        return names;
    }

    @Test
    @Order(2)
    void helpTypedInTheConsoleShowsItsReply() {
        enter("help");
        int count = onEdt(() -> find(main, "commands", JList.class).getModel().getSize());
        awaitConsole("+OK " + count + " commands");
        assertThat(console()).contains("> help", "daemonlogs  show the last lines of the daemon log  [mattdaemon.core]");
    }

    @Test
    @Order(3)
    void tabCompletesCommandNamesAndUpRecallsTheLastLine() {
        JTextField field = commandLine();
        gui.typeInto(field, "daemonl");
        gui.keys(KeyEvent.VK_TAB);
        await("Tab to complete the name", () -> field.getText().equals("daemonlogs "));
        gui.keys(KeyEvent.VK_UP);
        await("Up to recall the last line", () -> field.getText().equals("help"));
        gui.keys(KeyEvent.VK_DOWN);
        await("Down to bring the draft back", () -> field.getText().equals("daemonlogs "));
        onEdt(() -> field.setText(""));
    }

    @Test
    @Order(4)
    void daemoninfoAlsoFillsTheKeyValueTable() {
        enter("daemoninfo");
        awaitConsole("+OK daemoninfo");
        JTable table = find(main, "infoTable", JTable.class);
        await("the info table", () -> row(table, "log file") != null);
        assertThat(onEdt(() -> row(table, "port"))).isEqualTo(String.valueOf(daemon.port()));
        assertThat(onEdt(() -> row(table, "clients"))).isEqualTo("1/3");
        assertThat(onEdt(() -> row(table, "session codec"))).isEqualTo("plain");
        assertThat(console()).contains("  port: " + daemon.port());
    }

    private static String row(JTable table, String key) {
        for (int r = 0; r < table.getRowCount(); r++) {
            if (key.equals(table.getValueAt(r, 0))) {
                return String.valueOf(table.getValueAt(r, 1));
            }
        }
        return null;
    }

    /** Clicks the command named {@code name} in the side list and waits for it on the command line. */
    static void pick(String name) {
        JList<?> commands = find(main, "commands", JList.class);
        Rectangle cell = onEdt(() -> {
            int index = names(commands).indexOf(name);
            assertThat(index).as(name + " in the command list").isNotNegative();
            commands.ensureIndexIsVisible(index);
            return commands.getCellBounds(index, index);
        });
        onEdt(() -> commandLine().setText(""));
        gui.click(commands, cell);
        await("\"" + name + " \" on the command line, focused", () -> commandLine().getText().equals(name + " ")
                && commandLine().isFocusOwner());
    }

    @Test
    @Order(5)
    void clickingACommandFillsTheCommandLine() throws Exception {
        JList<?> commands = find(main, "commands", JList.class);
        // every cell fits the visible column: a long summary is cut short, not the click target
        assertThat(onEdt(() -> commands.getWidth())).isEqualTo(onEdt(() -> commands.getParent().getWidth()));
        pick("daemoninfo");
        gui.parkMouse();
        gui.screenshot(main, Path.of(System.getProperty("readme.screenshot", "target/screenshots/ben_afk.png")));
        onEdt(() -> commandLine().setText(""));
    }

    @Test
    @Order(6)
    void ctrlShiftDSwitchesToTheDarkThemeAndBack() throws Exception {
        JTextPane console = find(main, "console", JTextPane.class);
        assertThat(onEdt(() -> luminance(console.getBackground()))).isGreaterThan(0.8);
        gui.focus(commandLine());
        gui.keys(KeyEvent.VK_CONTROL, KeyEvent.VK_SHIFT, KeyEvent.VK_D);
        await("the dark theme", () -> Theme.isDark() && luminance(console.getBackground()) < 0.3);
        gui.screenshot(main, Path.of(System.getProperty("screenshot.dir", "target/screenshots"), "ben_afk-dark.png"));
        gui.focus(commandLine());
        gui.keys(KeyEvent.VK_CONTROL, KeyEvent.VK_SHIFT, KeyEvent.VK_D);
        await("the light theme again", () -> !Theme.isDark() && luminance(console.getBackground()) > 0.8);
    }

    private static double luminance(java.awt.Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }

    @Test
    @Order(7)
    void daemonlogsOpensInTheLogViewerWithFilterAndFollow() throws Exception {
        enter("say hello to the log");
        // the daemon writes its log a moment after it answers: ask for it once the line is there
        daemon.awaitLog("User input: say hello to the log", 30);
        enter("daemonlogs 50");
        JTable logs = find(main, "logTable", JTable.class);
        await("log lines in the viewer", () -> logs.getRowCount() > 3);
        assertThat(onEdt(() -> column(logs, 2))).contains("User input: say hello to the log");
        assertThat(onEdt(() -> column(logs, 1))).contains("INFO", "LOG");
        JTabbedPane tabs = find(main, "tabs", JTabbedPane.class);
        gui.focus(commandLine());
        gui.keys(KeyEvent.VK_ALT, KeyEvent.VK_3);
        await("the Logs tab", () -> tabs.getSelectedIndex() == 2);
        gui.typeInto(find(main, "logFilter", JTextField.class), "HELLO");
        await("only the matching line", () -> logs.getRowCount() == 1);
        assertThat(onEdt(() -> column(logs, 2))).containsExactly("User input: say hello to the log");

        onEdt(() -> find(main, "logFilter", JTextField.class).setText("from another client"));
        await("the filter to hide everything", () -> logs.getRowCount() == 0);
        JCheckBox follow = find(main, "logFollow", JCheckBox.class);
        gui.click(follow);
        await("follow switched on", follow::isSelected);
        try (Socket other = new Socket("127.0.0.1", daemon.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("* Matt_daemon");
            OutputStream out = other.getOutputStream();
            out.write("written from another client\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(in.readLine()).isEqualTo("+OK logged");
        }
        await("the followed log to show the other client's line", () -> logs.getRowCount() == 1);
        gui.click(follow);
        await("follow switched off", () -> !follow.isSelected());
        gui.keys(KeyEvent.VK_ALT, KeyEvent.VK_1);
        await("the Console tab", () -> tabs.getSelectedIndex() == 0);
    }

    private static List<String> column(JTable table, int column) {
        List<String> values = new ArrayList<>();
        for (int r = 0; r < table.getRowCount(); r++) {
            values.add(String.valueOf(table.getValueAt(r, column)));
        }
        return values;
    }

    @Test
    @Order(8)
    void aPluginDroppedInWhileConnectedJoinsTheCommandList() throws Exception {
        JList<?> commands = find(main, "commands", JList.class);
        daemon.installShippedPlugin("crypt");
        awaitConsole("* plugins changed");
        await("daemoncrypt in the command list", () -> names(commands).contains("daemoncrypt"));
        assertThat(daemon.log()).anyMatch(l -> l.contains("Plugin loaded: crypt"));

        pick("daemoncrypt");
        gui.type("on");
        await("the whole request on the command line", () -> commandLine().getText().equals("daemoncrypt on"));
        gui.keys(KeyEvent.VK_ENTER);
        awaitConsole("+OK daemoncrypt on: lines are Base64 from now on");
        await("Base64 in the status bar", () -> label("status.encoding").equals("Encoding: Base64"));
        enter("daemoninfo");
        JTable table = find(main, "infoTable", JTable.class);
        await("the Base64 session in the info table", () -> "base64".equals(row(table, "session codec")));
        enter("daemoncrypt off");
        awaitConsole("+OK daemoncrypt off: plain lines from now on");
        await("plain in the status bar", () -> label("status.encoding").equals("Encoding: plain"));
        enter("said in plain again");
        daemon.awaitLog("User input: said in plain again", 30);
    }

    @Test
    @Order(9)
    void ctrlLClearsTheConsole() {
        assertThat(console()).isNotBlank();
        gui.focus(commandLine());
        gui.keys(KeyEvent.VK_CONTROL, KeyEvent.VK_L);
        await("an empty console", () -> console().isEmpty());
    }

    @Test
    @Order(10)
    void theDaemonGoingAwayIsShownAndReconnectOffered() throws Exception {
        enter("quit");
        await("the shutdown notice", () -> console().contains("* Matt_daemon shutting down"));
        await("the end of the session", () -> console().contains("The daemon closed the connection. Ctrl+R reconnects."));
        await("the status bar to say so", () -> label("status.connection").equals("○ Disconnected from 127.0.0.1:" + daemon.port()));
        assertThat(console()).contains("+OK Matt_daemon shutting down");
        assertThat(daemon.awaitExit(30)).isTrue();
        gui.focus(commandLine());
        gui.keys(KeyEvent.VK_CONTROL, KeyEvent.VK_R);
        await("the failed reconnect", () -> console().contains("Matt_daemon is not running on 127.0.0.1:" + daemon.port()));
        assertThat(onEdt(() -> find(main, "send", JButton.class).isEnabled())).isTrue();
    }
}

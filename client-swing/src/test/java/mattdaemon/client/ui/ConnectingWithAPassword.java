package mattdaemon.client.ui;

import static mattdaemon.client.ui.Gui.await;
import static mattdaemon.client.ui.Gui.find;
import static mattdaemon.client.ui.Gui.onEdt;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Window;
import java.awt.event.KeyEvent;
import java.nio.file.Path;

import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPasswordField;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import mattdaemon.client.RunningDaemon;
import mattdaemon.client.protocol.CommandInfo;
import mattdaemon.client.servers.RecentServers;

/**
 * Connecting through the connect window to the real daemon once another client has set a
 * password: a wrong one is told plainly and the window stays to try again; the right one,
 * over TLS, opens the main window, whose status bar says the session is authenticated.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectingWithAPassword {
    static final String PASSWORD = "open-sesame-42";

    @TempDir
    static Path dir;
    static RunningDaemon daemon;
    static Gui gui;
    static ConnectWindow connect;

    @BeforeAll
    static void start() throws Exception {
        daemon = RunningDaemon.start(dir.resolve("daemon"));
        daemon.setPassword(PASSWORD);
        gui = new Gui();
        Gui.startClient(daemon.port(), new RecentServers(dir.resolve("config/recent-servers")));
        connect = Gui.window(ConnectWindow.class);
    }

    @AfterAll
    static void stop() {
        Gui.disposeAllWindows();
        daemon.close();
    }

    static String message() {
        return onEdt(() -> find(connect, "connectMessage", JLabel.class).getText());
    }

    /** Types {@code password} into the emptied password field and presses Enter. */
    static void connectWith(String password) {
        JPasswordField field = find(connect, "password", JPasswordField.class);
        onEdt(() -> field.setText(""));
        gui.typeInto(field, password);
        gui.keys(KeyEvent.VK_ENTER);
    }

    @Test
    @Order(1)
    void aWrongPasswordIsToldInTheConnectWindow() throws Exception {
        connectWith("not-the-password");
        await("the wrong password message", () -> message().contains("Wrong password"));
        assertThat(message()).contains("Matt_daemon on 127.0.0.1:" + daemon.port() + " refused it",
                "-ERR AUTH wrong password (2 attempts left)", "Check the password and connect again");
        await("the Connect button enabled again", () -> find(connect, "connect", JButton.class).isEnabled());
        assertThat(onEdt(() -> connect.isShowing())).isTrue();
        assertThat(onEdt(() -> Window.getWindows())).noneMatch(w -> w instanceof MainWindow && w.isShowing());
        daemon.awaitLog("attempt 1/3", 30);
    }

    @Test
    @Order(2)
    void theRightPasswordOverTlsShowsAnAuthenticatedSession() throws Exception {
        JCheckBox tls = find(connect, "tls", JCheckBox.class);
        gui.click(tls);
        await("TLS ticked", tls::isSelected);
        connectWith(PASSWORD);
        MainWindow main = Gui.window(MainWindow.class);
        await("Authenticated in the status bar", () -> find(main, "status.auth", JLabel.class).getText().equals("Authenticated"));
        assertThat(onEdt(() -> find(main, "status.encoding", JLabel.class).getText())).isEqualTo("Encoding: TLS");
        assertThat(onEdt(() -> find(main, "status.connection", JLabel.class).getText()))
                .startsWith("● Connected to 127.0.0.1:" + daemon.port());
        JList<?> commands = find(main, "commands", JList.class);
        // help is answered, so the session really is past the password
        await("the command list", () -> {
            for (int i = 0; i < commands.getModel().getSize(); i++) {
                if (((CommandInfo) commands.getModel().getElementAt(i)).name().equals("daemonpass")) {
                    return true;
                }
            }
            return false;
        });
        await("the connect window closed", () -> !connect.isDisplayable());
        daemon.awaitLog(") authenticated.", 30);
        assertThat(daemon.log()).noneMatch(l -> l.contains(PASSWORD) || l.contains("not-the-password"));
    }
}

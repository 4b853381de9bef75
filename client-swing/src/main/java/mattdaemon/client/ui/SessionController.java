package mattdaemon.client.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.swing.SwingUtilities;

import mattdaemon.client.protocol.CommandInfo;
import mattdaemon.client.protocol.ConnectionListener;
import mattdaemon.client.protocol.DaemonConnection;
import mattdaemon.client.protocol.KeyValues;
import mattdaemon.client.protocol.Reply;
import mattdaemon.client.protocol.SessionState;
import mattdaemon.protocol.Notice;
import mattdaemon.protocol.SessionChange;

/**
 * Links one connection to the main window's views: sends what the user typed, writes each
 * reply to the console and hands it to the view that shows that command (command list, info
 * table, log viewer), and turns notices and state changes into what the window shows.
 * Connection callbacks arrive on network threads and are moved to the event thread here.
 */
final class SessionController implements ConnectionListener {
    /** The notice a daemon sends when its command set changed. */

    private final DaemonConnection connection;
    private final MainWindow window;
    private volatile boolean leaving;

    SessionController(DaemonConnection connection, MainWindow window) {
        this.connection = connection;
        this.window = window;
    }

    /** Starts listening and asks for the command list. */
    void start() {
        connection.listen(this);
        stateChanged(connection.state());
        quiet("help");
    }

    DaemonConnection connection() {
        return connection;
    }

    /** Closes the connection on the user's request. */
    void disconnect() {
        leaving = true;
        connection.close();
    }

    /** Sends a line the user typed, echoing it (a password masked) in the console. */
    void submit(String line) {
        window.console().append(ConsoleStyle.REQUEST, "> " + masked(line));
        send(line).thenAccept(reply -> onEdt(() -> {
            print(reply);
            route(line, reply);
        }));
    }

    /** Sends a line on the window's own behalf: only its view shows the reply, or a failure. */
    void quiet(String line) {
        send(line).thenAccept(reply -> onEdt(() -> {
            if (!reply.ok()) {
                window.console().append(ConsoleStyle.ERROR, line + ": " + reply.statusLine());
            }
            route(line, reply);
        }));
    }

    private CompletableFuture<Reply> send(String line) {
        CompletableFuture<Reply> reply = connection.send(line);
        reply.exceptionally(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            onEdt(() -> window.console().append(ConsoleStyle.ERROR, "not sent (" + cause.getMessage() + "): " + masked(line)));
            return null;
        });
        return reply;
    }

    static String masked(String line) {
        return line.startsWith("auth ") ? "auth ********" : line;
    }

    private void print(Reply reply) {
        reply.body().forEach(l -> window.console().append(ConsoleStyle.BODY, "  " + l));
        window.console().append(reply.ok() ? ConsoleStyle.OK : ConsoleStyle.ERROR, reply.statusLine());
    }

    /** Hands a successful reply to the view that shows its command. */
    private void route(String line, Reply reply) {
        String[] words = line.strip().split("\\s+", 2);
        if (!reply.ok() || reply.text().equals(SessionChange.LOGGED)) {
            return;
        }
        String command = words[0];
        if (command.equals("help") && words.length == 1) {
            window.commandsChanged(CommandInfo.fromHelp(reply));
        } else if (KeyValuePanel.COMMANDS.contains(command) && KeyValues.looksLikeKeyValues(reply)) {
            window.info().show(command, KeyValues.of(reply));
        } else if (command.equals("daemonlogs")) {
            window.logs().show(reply.body());
        }
    }

    @Override
    public void notice(String text) {
        onEdt(() -> {
            if (!window.isCurrent(this)) {
                return;
            }
            window.console().append(ConsoleStyle.NOTICE, "* " + text);
            if (text.equals(Notice.PLUGINS_CHANGED)) {
                quiet("help");
            }
        });
    }

    @Override
    public void stateChanged(SessionState state) {
        onEdt(() -> {
            if (window.isCurrent(this)) {
                window.showState(connection, state);
            }
        });
    }

    @Override
    public void closed(Throwable cause) {
        String why = leaving ? "Disconnected." : cause == null ? "The daemon closed the connection."
                : "Connection lost: " + cause.getMessage();
        onEdt(() -> {
            if (window.isCurrent(this)) {
                window.disconnected(why);
            }
        });
    }

    private static void onEdt(Runnable work) {
        if (SwingUtilities.isEventDispatchThread()) {
            work.run();
        } else {
            SwingUtilities.invokeLater(work);
        }
    }
}

package mattdaemon.client;

import java.util.List;

import javax.swing.SwingUtilities;

import mattdaemon.client.cli.CommandLineClient;
import mattdaemon.client.protocol.Connector;
import mattdaemon.client.servers.RecentServers;
import mattdaemon.client.ui.ClientApp;
import mattdaemon.client.ui.Theme;

/**
 * {@code Ben_AFK [--host NAME] [--port N] [--dark]}: opens the connect window;
 * {@code Ben_AFK --command TEXT ...} runs commands without a window ({@link CommandLineClient}).
 */
public final class Main {
    private Main() {
    }

    /** Starts the client; exits with 2 on a bad argument. */
    public static void main(String[] argv) {
        if (List.of(argv).contains("--command")) {
            // the command-line client: no window, no Swing
            System.exit(CommandLineClient.runMain(List.of(argv)));
        }
        Options options;
        try {
            options = Options.parse(List.of(argv));
        } catch (IllegalArgumentException e) {
            System.err.println("Ben_AFK: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(Options.USAGE);
            return;
        }
        SwingUtilities.invokeLater(() -> {
            Theme.apply(options.dark());
            new ClientApp(new Connector(), RecentServers.inUserConfig()).start(options.host(), options.port());
        });
    }
}

package mattdaemon.core;

import java.io.IOException;
import java.util.List;

import mattdaemon.core.config.Settings;
import mattdaemon.core.config.SettingsParser;
import mattdaemon.core.daemon.Daemon;
import mattdaemon.core.daemon.Launcher;
import mattdaemon.core.posix.Libc;

/**
 * {@code Matt_daemon [options]}: without {@code --foreground}, this JVM is the launcher and
 * spawns the daemon JVM detached; the launcher passes {@code --daemon-child} to it.
 */
public final class Main {
    private Main() {
    }

    /** Runs and exits with 0 on success, 1 on a start failure, 2 on bad usage. */
    public static void main(String[] argv) {
        System.exit(run(List.of(argv)));
    }

    static int run(List<String> args) {
        if (args.contains("--help")) {
            System.out.print(SettingsParser.usage());
            return 0;
        }
        if (args.contains("--version")) {
            System.out.println("Matt_daemon " + Version.CURRENT);
            return 0;
        }
        if (args.contains("--check-config")) {
            return ConfigCheck.run(args, System.out, System.err);
        }
        boolean child = !args.isEmpty() && args.getFirst().equals(Launcher.DAEMON_CHILD);
        List<String> options = child ? args.subList(1, args.size()) : args;
        Settings settings;
        try {
            settings = SettingsParser.parse(options);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("Matt_daemon: " + e.getMessage());
            System.err.print(SettingsParser.usage());
            return 2;
        }
        if (child) {
            // --foreground arrives here only through Launcher.execForeground, signals blocked
            return settings.foreground() ? Daemon.runForeground(settings) : Daemon.runDetached(settings);
        }
        if (Libc.geteuid() != 0) {
            System.err.println("Matt_daemon: must be run as root (effective uid is " + Libc.geteuid() + ").");
            return 1;
        }
        if (args.contains("--set-password")) {
            return SetPassword.run(settings, System.in, System.out, System.err);
        }
        return settings.foreground() ? Launcher.execForeground(options) : Launcher.launch(options, settings);
    }
}

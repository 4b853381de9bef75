package mattdaemon.core;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import mattdaemon.core.config.Settings;
import mattdaemon.core.config.SettingsParser;
import mattdaemon.core.posix.TrustedPath;

/**
 * {@code Matt_daemon --check-config}: reads the configuration file and the options as a start
 * would (unknown keys, ranges, the file's owner and mode), then checks the folders the daemon
 * would refuse to use, and says the first thing wrong. Exits 0 when a start would accept them.
 */
final class ConfigCheck {
    private ConfigCheck() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Settings settings;
        try {
            settings = SettingsParser.parse(args);
        } catch (IllegalArgumentException | IOException e) {
            err.println("Matt_daemon: " + e.getMessage());
            return 1;
        }
        Map<String, Path> folders = new java.util.LinkedHashMap<>();
        folders.put("log folder", settings.logFile().getParent());
        folders.put("state folder", settings.stateDir());
        folders.put("plugin folder", settings.pluginDir());
        for (Map.Entry<String, Path> folder : folders.entrySet()) {
            try {
                TrustedPath.ROOT.checkFolder(folder.getValue());
            } catch (IOException e) {
                err.println("Matt_daemon: untrusted " + folder.getKey() + " " + e.getMessage());
                return 1;
            }
        }
        out.println("Matt_daemon: configuration OK (" + SettingsParser.configFile(args) + ").");
        return 0;
    }
}

package mattdaemon.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import mattdaemon.core.log.LogFsync;
import mattdaemon.core.log.LogOptions;

/**
 * Builds {@link Settings} from defaults, then the configuration file ({@code key = value}
 * lines), then command-line options, each overriding the one before. Keys with a dot
 * ({@code mail.smtp.host}) belong to plugins and are passed to them untouched.
 */
public final class SettingsParser {
    /** Where the configuration file is looked for unless {@code --config} says otherwise. */
    public static final Path DEFAULT_CONFIG = Path.of("/etc/matt_daemon/matt_daemon.conf");

    private static final Map<String, String> OPTION_TO_KEY = Map.ofEntries(
            Map.entry("--port", "port"),
            Map.entry("--max-clients", "max_clients"),
            Map.entry("--max-line-bytes", "max_line_bytes"),
            Map.entry("--lock", "lock_file"),
            Map.entry("--log", "log_file"),
            Map.entry("--plugins", "plugin_dir"),
            Map.entry("--state", "state_dir"),
            Map.entry("--ready-timeout", "ready_timeout_seconds"),
            Map.entry("--idle-timeout", "idle_timeout_seconds"),
            Map.entry("--auth-grace", "auth_grace_seconds"),
            Map.entry("--tls-required", "tls_required"),
            Map.entry("--log-fsync", "log_fsync"),
            Map.entry("--log-backlog-kib", "log_backlog_kib"),
            Map.entry("--log-rotate-kib", "log_rotate_kib"),
            Map.entry("--log-rotate-keep", "log_rotate_keep"),
            Map.entry("--log-rotate-gzip", "log_rotate_gzip"));

    private SettingsParser() {
    }

    /** The option summary printed by {@code --help}. */
    public static String usage() {
        return """
                Usage: Matt_daemon [options]
                  --port N             TCP port (default 4242)
                  --max-clients N      clients served at once (default 3)
                  --max-line-bytes N   longest request line (default 65536)
                  --lock PATH          lock file (default /var/lock/matt_daemon.lock)
                  --log PATH           log file (default /var/log/matt_daemon/matt_daemon.log)
                  --plugins DIR        plugin folder (default /usr/lib/matt_daemon/plugins)
                  --state DIR          state folder (default /var/lib/matt_daemon)
                  --config PATH        configuration file (default /etc/matt_daemon/matt_daemon.conf)
                  --ready-timeout S    seconds the launcher waits for the daemon (default 30)
                  --idle-timeout S     close clients silent this long (default 300)
                  --auth-grace S       close clients not authenticated this long (default 30)
                  --tls-required B     true: clients must starttls before anything else (default false)
                  --log-fsync P        always, everysec or no: when logged lines are forced to disk (default everysec)
                  --log-backlog-kib N  lines held while the log cannot be written, in KiB (default 4096)
                  --log-rotate-kib N   built-in rotation once the log reaches N KiB; 0: off, use logrotate (default 0)
                  --log-rotate-keep N  archives the built-in rotation keeps (default 5)
                  --log-rotate-gzip B  gzip the archives (default true)
                  --foreground         do not daemonise (for systemd Type=notify)
                  --help, --version
                """;
    }

    /**
     * Parses the command line (without the internal options the launcher adds).
     *
     * @throws IllegalArgumentException with a user-facing message on any bad option or value
     */
    public static Settings parse(List<String> args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        Path config = DEFAULT_CONFIG;
        boolean configGiven = false;
        boolean foreground = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--foreground")) {
                foreground = true;
            } else if (arg.equals("--config")) {
                config = Path.of(value(args, ++i, arg));
                configGiven = true;
            } else if (OPTION_TO_KEY.containsKey(arg)) {
                options.put(OPTION_TO_KEY.get(arg), value(args, ++i, arg));
            } else {
                throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        Map<String, String> merged = new LinkedHashMap<>(readConfig(config, configGiven));
        merged.putAll(options);
        return build(merged, foreground);
    }

    private static Settings build(Map<String, String> values, boolean foreground) {
        Settings d = Settings.defaults();
        Map<String, String> pluginSettings = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.contains(".")) {
                pluginSettings.put(k, v);
            }
        });
        List<String> unknown = new ArrayList<>(values.keySet());
        unknown.removeAll(OPTION_TO_KEY.values());
        unknown.removeAll(pluginSettings.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown configuration key(s): " + String.join(", ", unknown));
        }
        return new Settings(
                integer(values, "port", d.port()),
                integer(values, "max_clients", d.maxClients()),
                integer(values, "max_line_bytes", d.maxLineBytes()),
                path(values, "lock_file", d.lockFile()),
                path(values, "log_file", d.logFile()),
                path(values, "plugin_dir", d.pluginDir()),
                foreground,
                Duration.ofSeconds(integer(values, "ready_timeout_seconds", (int) d.readyTimeout().toSeconds())),
                path(values, "state_dir", d.stateDir()),
                pluginSettings,
                Duration.ofSeconds(integer(values, "idle_timeout_seconds", (int) d.idleTimeout().toSeconds())),
                Duration.ofSeconds(integer(values, "auth_grace_seconds", (int) d.authGrace().toSeconds())),
                bool(values, "tls_required", d.tlsRequired()),
                logOptions(values, d.log()));
    }

    private static LogOptions logOptions(Map<String, String> values, LogOptions d) {
        String fsync = values.get("log_fsync");
        return new LogOptions(
                fsync == null ? d.fsync() : LogFsync.parse(fsync),
                integer(values, "log_backlog_kib", (int) (d.backlogBytes() / 1024)) * 1024L,
                integer(values, "log_rotate_kib", (int) (d.rotateBytes() / 1024)) * 1024L,
                integer(values, "log_rotate_keep", d.rotateKeep()),
                bool(values, "log_rotate_gzip", d.rotateGzip()));
    }

    private static Map<String, String> readConfig(Path file, boolean required) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            if (required) {
                throw new IllegalArgumentException("configuration file not found: " + file);
            }
            return Map.of();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("configuration file is not valid UTF-8: " + file);
        } catch (IOException | IllegalArgumentException e) {
            // alone, "Is a directory" or a malformed escape would not say which file is wrong
            String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
            throw new IllegalArgumentException("cannot read configuration file " + file + ": " + reason);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k.trim(), properties.getProperty(k).trim()));
        return values;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int integer(Map<String, String> values, String key, int fallback) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: " + text);
        }
    }

    private static boolean bool(Map<String, String> values, String key, boolean fallback) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + " is not true or false: " + text);
        };
    }

    private static Path path(Map<String, String> values, String key, Path fallback) {
        String text = values.get(key);
        return text == null ? fallback : Path.of(text);
    }
}

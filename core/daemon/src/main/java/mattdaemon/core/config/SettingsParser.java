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

import mattdaemon.core.log.SyslogForwarding;
import mattdaemon.core.posix.TrustedPath;
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
            Map.entry("--bind", "bind"),
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
            Map.entry("--line-timeout", "line_timeout_seconds"),
            Map.entry("--log-fsync", "log_fsync"),
            Map.entry("--log-backlog-kib", "log_backlog_kib"),
            Map.entry("--log-rotate-kib", "log_rotate_kib"),
            Map.entry("--log-rotate-keep", "log_rotate_keep"),
            Map.entry("--log-rotate-gzip", "log_rotate_gzip"));

    /** Options that are not configuration keys (for "did you mean"). */
    private static final List<String> FLAGS = List.of("--foreground", "--config", "--check-config", "--set-password",
            "--help", "--version");

    /**
     * The accepted range of every numeric key, checked before anything starts. The bounds are
     * what the daemon can honour: a line buffer of at most 1 MiB per client, a few hundred
     * session threads, timeouts from a second to a day.
     */
    public static final Map<String, Range> RANGES = Map.ofEntries(
            Map.entry("port", new Range(0, 65535)),
            Map.entry("max_clients", new Range(1, 256)),
            Map.entry("max_line_bytes", new Range(64, 1 << 20)),
            Map.entry("ready_timeout_seconds", new Range(1, 600)),
            Map.entry("idle_timeout_seconds", new Range(1, 86_400)),
            Map.entry("auth_grace_seconds", new Range(1, 3600)),
            Map.entry("line_timeout_seconds", new Range(1, 3600)),
            // held in memory while the log cannot be written: at most 256 MiB
            Map.entry("log_backlog_kib", new Range(64, 256 * 1024)),
            Map.entry("log_rotate_kib", new Range(0, 100L * 1024 * 1024)),
            Map.entry("log_rotate_keep", new Range(1, 100)));

    /**
     * An inclusive range of accepted values.
     *
     * @param min the smallest accepted value
     * @param max the largest accepted value
     */
    public record Range(long min, long max) {
        @Override
        public String toString() {
            return min + ".." + max;
        }
    }

    private SettingsParser() {
    }

    /** Every configuration key of the daemon itself (plugins' dotted keys aside). */
    public static java.util.Set<String> keys() {
        java.util.Set<String> keys = new java.util.TreeSet<>(OPTION_TO_KEY.values());
        keys.addAll(SyslogForwarding.KEYS);
        return keys;
    }

    /** The option summary printed by {@code --help}. */
    public static String usage() {
        return """
                Usage: Matt_daemon [options]
                  --port N             TCP port, 0..65535, 0: any free one (default 4242)
                  --bind ADDRESS       listen on this address only, e.g. 127.0.0.1 (default: all)
                  --max-clients N      clients served at once, 1..256 (default 3)
                  --max-line-bytes N   longest request line, 64..1048576 (default 65536)
                  --lock PATH          lock file (default /var/lock/matt_daemon.lock)
                  --log PATH           log file (default /var/log/matt_daemon/matt_daemon.log)
                  --plugins DIR        plugin folder (default /usr/lib/matt_daemon/plugins)
                  --state DIR          state folder (default /var/lib/matt_daemon)
                  --config PATH        configuration file (default /etc/matt_daemon/matt_daemon.conf)
                  --ready-timeout S    seconds the launcher waits for the daemon, 1..600 (default 30)
                  --idle-timeout S     close clients silent this long, 1..86400 (default 300)
                  --auth-grace S       close clients not authenticated this long, 1..3600 (default 30)
                  --tls-required B     true: clients must starttls before anything else (default false)
                  --line-timeout S     a line must be complete this long after its first byte (default 10)
                  --log-fsync P        always, everysec or no: when logged lines are forced to disk (default everysec)
                  --log-backlog-kib N  lines held while the log cannot be written, in KiB (default 4096)
                  --log-rotate-kib N   built-in rotation once the log reaches N KiB; 0: off, use logrotate (default 0)
                  --log-rotate-keep N  archives the built-in rotation keeps (default 5)
                  --log-rotate-gzip B  gzip the archives (default true)
                  --foreground         do not daemonise (for systemd Type=notify)
                  --check-config       check the configuration file and options, exit 0 or 1
                  --set-password       read a password from stdin and store its hash in the state folder
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
            } else if (arg.equals("--check-config") || arg.equals("--set-password")) {
                // actions, handled by Main; they use the same settings
                continue;
            } else if (arg.equals("--config")) {
                config = Path.of(value(args, ++i, arg));
                configGiven = true;
            } else if (OPTION_TO_KEY.containsKey(arg)) {
                options.put(OPTION_TO_KEY.get(arg), value(args, ++i, arg));
            } else {
                List<String> known = new ArrayList<>(OPTION_TO_KEY.keySet());
                known.addAll(FLAGS);
                throw new IllegalArgumentException("unknown option: " + arg + didYouMean(arg, known));
            }
        }
        Map<String, String> merged = new LinkedHashMap<>(readConfig(config, configGiven));
        merged.putAll(options);
        return build(merged, foreground);
    }

    /** The configuration file {@code args} name, or the default one. */
    public static Path configFile(List<String> args) {
        int at = args.lastIndexOf("--config");
        return at >= 0 && at + 1 < args.size() ? Path.of(args.get(at + 1)) : DEFAULT_CONFIG;
    }

    private static Settings build(Map<String, String> values, boolean foreground) {
        Settings d = Settings.defaults();
        Map<String, String> pluginSettings = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            // syslog_* keys ride along with the plugins' keys: SyslogForwarding reads them
            if (k.contains(".") || SyslogForwarding.KEYS.contains(k)) {
                pluginSettings.put(k, v);
            }
        });
        List<String> unknown = new ArrayList<>(values.keySet());
        unknown.removeAll(OPTION_TO_KEY.values());
        unknown.removeAll(pluginSettings.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown configuration key(s): " + String.join(", ", unknown)
                    + didYouMean(unknown.getFirst(), OPTION_TO_KEY.values()));
        }
        SyslogForwarding.Target.from(pluginSettings);
        return new Settings(
                integer(values, "port", d.port()),
                address(values, "bind", d.bind()),
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
                Duration.ofSeconds(integer(values, "line_timeout_seconds", (int) d.lineTimeout().toSeconds())),
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
        if (Files.isRegularFile(file) || Files.isSymbolicLink(file)) {
            try {
                // root appends to the file log_file names: only root may write the configuration
                TrustedPath.ROOT.checkFile(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("untrusted configuration file " + e.getMessage());
            }
        }
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
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: " + text);
        }
        Range range = RANGES.get(key);
        if (value < range.min() || value > range.max()) {
            throw new IllegalArgumentException(key + " must be from " + range.min() + " to " + range.max() + ": " + text);
        }
        return (int) value;
    }

    /** A numeric address (never a host name: no DNS lookup at start); empty means every interface. */
    private static java.util.Optional<java.net.InetAddress> address(Map<String, String> values, String key,
                                                                   java.util.Optional<java.net.InetAddress> fallback) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        if (text.equals("*") || text.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.net.InetAddress.ofLiteral(text.equals("localhost") ? "127.0.0.1" : text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " is not an IP address: " + text);
        }
    }

    /** " (did you mean x?)" naming the closest of {@code known}, or nothing when none is close. */
    static String didYouMean(String given, java.util.Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String a = normal(given);
            String b = normal(candidate);
            // a key typed without its unit (idle_timeout) is as good as a typo
            int distance = a.length() >= 4 && b.startsWith(a) ? 1 : distance(a, b);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        boolean close = best != null && bestDistance <= Math.max(2, normal(best).length() / 4);
        return close ? " (did you mean " + best + "?)" : "";
    }

    /** Case, dashes and underscores do not count as typos. */
    private static String normal(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceFirst("^--", "").replace('-', '_');
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
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

package mattdaemon.plugin.mail.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@link MailSettings} from the plugin's settings ({@code mail.*} keys without the
 * prefix). Unknown keys are refused so a typo is found at load, not when a mail goes missing;
 * {@code rule.*} keys are left to {@link mattdaemon.plugin.mail.rule.RuleParser}.
 */
public final class SettingsReader {
    /** Prefix of the keys describing mail rules. */
    public static final String RULE_PREFIX = "rule.";

    private static final Set<String> KNOWN = Set.of("smtp.host", "smtp.port", "smtp.security", "smtp.user",
            "smtp.password_file", "smtp.ca_file", "smtp.check_identity", "smtp.timeout", "from", "to", "allowed_to",
            "retry.attempts", "retry.delay", "retry.max_delay", "queue_limit", "report.log_lines",
            "attachment.max_kb", "shutdown_wait");

    private final Map<String, String> settings;

    private SettingsReader(Map<String, String> settings) {
        this.settings = settings;
    }

    /**
     * Reads and checks the settings.
     *
     * @param hostName this machine's name (see {@link #localHostName()})
     * @throws IllegalArgumentException naming the first bad key and why
     */
    public static MailSettings read(Map<String, String> settings, String hostName) {
        return new SettingsReader(settings).read(hostName);
    }

    /** The kernel's host name, read without touching DNS (which may be slow or down). */
    public static String localHostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            return name.isEmpty() ? "localhost" : name;
        } catch (IOException e) {
            return "localhost";
        }
    }

    private MailSettings read(String hostName) {
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.removeAll(KNOWN);
        unknown.removeIf(k -> k.startsWith(RULE_PREFIX));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown setting(s) mail." + String.join(", mail.", unknown));
        }
        String from = text("from").map(Addresses::parse).orElse("matt_daemon@" + hostName);
        List<String> to = text("to").map(Addresses::parseList).orElse(List.of());
        List<String> allowedTo = new ArrayList<>();
        text("allowed_to").ifPresent(t -> {
            for (String entry : t.split(",")) {
                String e = entry.strip();
                if (!e.isEmpty()) {
                    allowedTo.add(e.equals("*") || e.startsWith("@") ? e : Addresses.parse(e));
                }
            }
        });
        RetryPolicy retry = new RetryPolicy(number("retry.attempts", 5),
                duration("retry.delay", Duration.ofSeconds(5)), duration("retry.max_delay", Duration.ofMinutes(5)));
        return new MailSettings(smtp(), from, to, allowedTo, retry,
                positive("queue_limit", 50), positive("report.log_lines", 50),
                positive("attachment.max_kb", 1024) * 1024L,
                duration("shutdown_wait", Duration.ofSeconds(2)), hostName);
    }

    private Optional<SmtpSettings> smtp() {
        Optional<String> host = text("smtp.host");
        if (host.isEmpty()) {
            return Optional.empty();
        }
        Security security = text("smtp.security").map(Security::parse).orElse(Security.STARTTLS);
        Optional<Secret> password = text("smtp.password_file").map(f -> PasswordFile.read(Path.of(f)));
        Optional<Path> caFile = text("smtp.ca_file").map(Path::of);
        caFile.ifPresent(f -> {
            if (!Files.isReadable(f)) {
                throw new IllegalArgumentException("smtp.ca_file " + f + " cannot be read");
            }
        });
        return Optional.of(new SmtpSettings(host.get(), number("smtp.port", security.defaultPort()), security,
                text("smtp.user"), password, caFile, bool("smtp.check_identity", true),
                duration("smtp.timeout", Duration.ofSeconds(10))));
    }

    private Optional<String> text(String key) {
        return Optional.ofNullable(settings.get(key)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private int number(String key, int fallback) {
        String value = text(key).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mail." + key + " must be a whole number, not '" + value + "'");
        }
    }

    private int positive(String key, int fallback) {
        int n = number(key, fallback);
        if (n < 1) {
            throw new IllegalArgumentException("mail." + key + " must be at least 1, not " + n);
        }
        return n;
    }

    private Duration duration(String key, Duration fallback) {
        return text(key).map(v -> DurationText.parse("mail." + key, v)).orElse(fallback);
    }

    private boolean bool(String key, boolean fallback) {
        return text(key).map(v -> switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("mail." + key + " must be true or false, not '" + v + "'");
        }).orElse(fallback);
    }
}

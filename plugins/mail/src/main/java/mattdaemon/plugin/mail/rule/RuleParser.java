package mattdaemon.plugin.mail.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import mattdaemon.plugin.mail.config.Addresses;
import mattdaemon.plugin.mail.config.DurationText;
import mattdaemon.plugin.mail.config.SettingsReader;

/**
 * Reads the rules from the plugin's settings: {@code rule.<name>.event} (required),
 * {@code .match}, {@code .to}, {@code .subject}, {@code .rate}, {@code .batch}.
 */
public final class RuleParser {
    /** Subject used when a rule sets none. */
    public static final String DEFAULT_SUBJECT = "[Matt_daemon {host}] {event} x{count}: {detail}";
    /** Rate used when a rule sets none: a flood still yields few mails. */
    public static final RateLimit DEFAULT_RATE = new RateLimit(10, Duration.ofHours(1));

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Set<String> FIELDS = Set.of("event", "match", "to", "subject", "rate", "batch");

    private RuleParser() {
    }

    /**
     * The rules, sorted by name.
     *
     * @throws IllegalArgumentException naming the first bad key and why
     */
    public static List<Rule> parse(Map<String, String> settings) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        settings.forEach((key, value) -> {
            if (!key.startsWith(SettingsReader.RULE_PREFIX)) {
                return;
            }
            String rest = key.substring(SettingsReader.RULE_PREFIX.length());
            int dot = rest.lastIndexOf('.');
            String name = dot < 0 ? "" : rest.substring(0, dot);
            String field = rest.substring(dot + 1);
            if (!NAME.matcher(name).matches() || !FIELDS.contains(field)) {
                throw new IllegalArgumentException("bad rule key mail." + key
                        + ": expected mail.rule.<name>.<event|match|to|subject|rate|batch>");
            }
            byName.computeIfAbsent(name, n -> new TreeMap<>()).put(field, value.strip());
        });
        List<Rule> rules = new ArrayList<>();
        byName.forEach((name, fields) -> rules.add(rule(name, fields)));
        return List.copyOf(rules);
    }

    private static Rule rule(String name, Map<String, String> fields) {
        String prefix = "mail.rule." + name + ".";
        String event = fields.get("event");
        if (event == null || event.isEmpty()) {
            throw new IllegalArgumentException(prefix + "event is missing");
        }
        EventKind kind;
        Optional<Pattern> match;
        List<String> to;
        try {
            kind = EventKind.parse(event);
            match = Optional.ofNullable(fields.get("match")).filter(m -> !m.isEmpty()).map(Pattern::compile);
            to = Optional.ofNullable(fields.get("to")).map(Addresses::parseList).orElse(List.of());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(prefix + "match is not a valid regular expression: "
                    + e.getDescription());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + (e.getMessage().startsWith("bad address") ? "to: " : "event: ")
                    + e.getMessage());
        }
        String subject = Optional.ofNullable(fields.get("subject")).filter(s -> !s.isEmpty()).orElse(DEFAULT_SUBJECT);
        RateLimit rate = Optional.ofNullable(fields.get("rate")).map(r -> RateLimit.parse(prefix + "rate", r))
                .orElse(DEFAULT_RATE);
        Duration batch = Optional.ofNullable(fields.get("batch")).map(b -> DurationText.parse(prefix + "batch", b))
                .orElse(Duration.ZERO);
        return new Rule(name, kind, match, to, subject, rate, batch);
    }
}

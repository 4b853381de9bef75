package mattdaemon.plugin.mail.rule;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One mail rule: which events it takes, where their mail goes, and how often.
 *
 * @param name    the {@code <name>} of its {@code mail.rule.<name>.*} keys
 * @param event   the kind of event it watches
 * @param match   a regular expression the event's text must contain a match of; empty takes all
 * @param to      recipients; empty means the default {@code mail.to}
 * @param subject subject template with {@code {event} {detail} {count} {host}}
 * @param rate    mails allowed per period
 * @param batch   how long events are gathered into one mail; zero sends at once
 */
public record Rule(String name, EventKind event, Optional<Pattern> match, List<String> to, String subject,
                   RateLimit rate, Duration batch) {
    /** Copies the recipients. */
    public Rule {
        to = List.copyOf(to);
    }

    /** Longest text a pattern is tried on: a client's 64 KiB line must not make matching slow. */
    static final int MATCH_LIMIT = 4096;

    /** Whether {@code occurrence} is one of this rule's events. */
    public boolean takes(Occurrence occurrence) {
        if (occurrence.kind() != event) {
            return false;
        }
        String text = occurrence.subject();
        String tried = text.length() > MATCH_LIMIT ? text.substring(0, MATCH_LIMIT) : text;
        return match.map(p -> p.matcher(tried).find()).orElse(true);
    }
}

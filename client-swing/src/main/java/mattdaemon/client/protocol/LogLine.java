package mattdaemon.client.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the daemon log as {@code daemonlogs} sends it:
 * {@code [DD/MM/YYYY-HH:MM:SS] [ LEVEL ] - Matt_daemon: message}.
 *
 * @param time    the time stamp as written
 * @param level   INFO, LOG, ERROR, ...; empty for a line in another format
 * @param message the rest; the whole line when it is in another format
 */
public record LogLine(String time, String level, String message) {
    private static final Pattern FORMAT = Pattern.compile("\\[([^\\]]*)\\] \\[ ?(\\S+) ?\\] - Matt_daemon: (.*)");

    /** Splits a log line; a line in another format keeps all its text as the message. */
    public static LogLine parse(String line) {
        Matcher m = FORMAT.matcher(line);
        return m.matches() ? new LogLine(m.group(1), m.group(2), m.group(3)) : new LogLine("", "", line);
    }
}

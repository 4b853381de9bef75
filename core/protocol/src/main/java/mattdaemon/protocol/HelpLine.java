package mattdaemon.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command as {@code help} lists it: {@code <name padded>  <summary>  [<module>]}, names
 * padded to the longest so the summaries line up.
 *
 * @param name    the command's name, the first word of a request
 * @param summary one line saying what it does
 * @param module  the module that provides it
 */
public record HelpLine(String name, String summary, String module) {
    private static final Pattern LINE = Pattern.compile("(\\S+)(?:\\s+(.*?))?(?:\\s+\\[([^\\]]*)\\])?\\s*");

    /** Checks the parts. */
    public HelpLine {
        Objects.requireNonNull(name);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(module);
    }

    /** The body lines of a {@code help} reply, one per command, in the given order. */
    public static List<String> format(List<HelpLine> commands) {
        int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        return commands.stream().map(c -> c.format(width)).toList();
    }

    private String format(int width) {
        return name + " ".repeat(width - name.length()) + "  " + summary + "  [" + module + "]";
    }

    /** Reads one body line of a {@code help} reply; empty for a blank or odd line. */
    public static Optional<HelpLine> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (line.isBlank() || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new HelpLine(m.group(1), Objects.requireNonNullElse(m.group(2), ""),
                Objects.requireNonNullElse(m.group(3), "")));
    }

    /** The commands in a {@code help} reply's body, in the daemon's order; odd lines are skipped. */
    public static List<HelpLine> parseAll(List<String> body) {
        return body.stream().map(HelpLine::parse).flatMap(Optional::stream).toList();
    }
}

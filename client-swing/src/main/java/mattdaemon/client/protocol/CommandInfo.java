package mattdaemon.client.protocol;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command as {@code help} lists it: {@code <name padded>  <summary>  [<module>]}.
 *
 * @param name    the command's name, the first word of a request
 * @param summary one line saying what it does
 * @param module  the module that provides it
 */
public record CommandInfo(String name, String summary, String module) {
    private static final Pattern LINE = Pattern.compile("(\\S+)(?:\\s+(.*?))?(?:\\s+\\[([^\\]]*)\\])?\\s*");

    /** The commands in a {@code help} reply's body, in the daemon's order; odd lines are skipped. */
    public static List<CommandInfo> fromHelp(Reply help) {
        return help.body().stream().map(CommandInfo::parse).filter(Objects::nonNull).toList();
    }

    static CommandInfo parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (line.isBlank() || !m.matches()) {
            return null;
        }
        return new CommandInfo(m.group(1), Objects.requireNonNullElse(m.group(2), ""), Objects.requireNonNullElse(m.group(3), ""));
    }
}

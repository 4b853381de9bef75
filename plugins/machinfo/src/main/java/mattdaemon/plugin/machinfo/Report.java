package mattdaemon.plugin.machinfo;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of a {@code machinfo} reply: a {@code [section]} header line, then {@code key: value}
 * lines. Values come from the system (mount points, interface names, OS strings), so control
 * characters are replaced: one value can never become two protocol lines.
 */
final class Report {
    private final List<String> lines = new ArrayList<>();
    private int sections;

    /** Starts a section. */
    Report section(String name) {
        lines.add("[" + name + "]");
        sections++;
        return this;
    }

    /** Adds one {@code key: value} line. */
    Report put(String key, Object value) {
        lines.add(printable(key) + ": " + printable(String.valueOf(value)));
        return this;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    int sections() {
        return sections;
    }

    private static String printable(String text) {
        return text.strip().replaceAll("\\p{Cntrl}", "?");
    }
}

package mattdaemon.client.ui;

import java.util.Collection;
import java.util.List;

/**
 * Tab completion of the first word against the command names: a unique match is completed
 * with a space after it, several matches are completed to their longest common prefix.
 */
final class CommandCompletion {
    private CommandCompletion() {
    }

    /** The completed line, or {@code line} itself when there is nothing to add. */
    static String complete(String line, Collection<String> names) {
        if (line.contains(" ")) {
            return line;
        }
        List<String> matches = candidates(line, names);
        if (matches.isEmpty()) {
            return line;
        }
        if (matches.size() == 1) {
            return matches.getFirst() + " ";
        }
        String common = matches.getFirst();
        for (String m : matches) {
            int i = 0;
            while (i < common.length() && i < m.length() && common.charAt(i) == m.charAt(i)) {
                i++;
            }
            common = common.substring(0, i);
        }
        return common;
    }

    /** The names starting with {@code prefix}, sorted. */
    static List<String> candidates(String prefix, Collection<String> names) {
        return names.stream().filter(n -> n.startsWith(prefix)).sorted().toList();
    }
}

package mattdaemon.core.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The names of the loaded commands as bytes, so that a line's first word can be told from a
 * command without decoding the line. Immutable: a snapshot of the commands loaded when it was made.
 */
public final class CommandWords {
    private final byte[][] names;
    /** The longest name's length: a longer word names no command, whatever it is. */
    private final int longest;

    /** The given command names. */
    public CommandWords(Collection<String> names) {
        this.names = names.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        int max = 0;
        for (byte[] name : this.names) {
            max = Math.max(max, name.length);
        }
        this.longest = max;
    }

    /**
     * Whether the first word of the line in {@code bytes[from, to)}, printable ASCII, names a
     * command. As {@code CommandLine} reads it: leading blanks skipped, the word ends at a blank.
     */
    public boolean firstWordNamesCommand(byte[] bytes, int from, int to) {
        int start = from;
        while (start < to && bytes[start] == ' ') {
            start++;
        }
        int end = start;
        int stop = Math.min(to, start + longest + 1); // a message's first word is often the whole line
        while (end < stop && bytes[end] != ' ') {
            end++;
        }
        int length = end - start;
        if (length > longest) {
            return false;
        }
        for (byte[] name : names) {
            if (name.length == length && java.util.Arrays.equals(name, 0, length, bytes, start, end)) {
                return true;
            }
        }
        return false;
    }
}

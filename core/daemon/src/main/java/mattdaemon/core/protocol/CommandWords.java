package mattdaemon.core.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The names of the loaded commands as bytes, so that a line's first word can be told from a
 * command without decoding the line. Immutable: a snapshot of the commands loaded when it was made.
 */
public final class CommandWords {
    private final byte[][] names;

    /** The given command names. */
    public CommandWords(Collection<String> names) {
        this.names = names.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
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
        while (end < to && bytes[end] != ' ') {
            end++;
        }
        int length = end - start;
        for (byte[] name : names) {
            if (name.length == length && java.util.Arrays.equals(name, 0, length, bytes, start, end)) {
                return true;
            }
        }
        return false;
    }
}

package mattdaemon.core.request;

/**
 * A request line split into its first word and the rest, both stripped. The word ends at any
 * whitespace, so {@code auth<TAB>secret} is the {@code auth} command, never a message to log.
 */
record CommandLine(String word, String arguments) {

    /** The first word alone: what names the command, found without copying the rest of the line. */
    static String firstWord(String line) {
        int start = wordStart(line);
        return line.substring(start, wordEnd(line, start)); // the line itself when it is one word
    }

    static CommandLine parse(String line) {
        int start = wordStart(line);
        int end = wordEnd(line, start);
        return new CommandLine(line.substring(start, end), line.substring(end).strip());
    }

    private static int wordStart(String line) {
        int start = 0;
        while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        return start;
    }

    private static int wordEnd(String line, int start) {
        int end = start;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        return end;
    }
}

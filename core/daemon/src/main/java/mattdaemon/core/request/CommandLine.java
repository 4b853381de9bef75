package mattdaemon.core.request;

/**
 * A request line split into its first word and the rest, both stripped. The word ends at any
 * whitespace, so {@code auth<TAB>secret} is the {@code auth} command, never a message to log.
 */
record CommandLine(String word, String arguments) {

    static CommandLine parse(String line) {
        String trimmed = line.strip();
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
            end++;
        }
        return new CommandLine(trimmed.substring(0, end), trimmed.substring(end).strip());
    }
}

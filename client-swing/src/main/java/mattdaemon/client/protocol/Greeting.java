package mattdaemon.client.protocol;

/**
 * The notice a daemon sends on connect: {@code * Matt_daemon <version> ready}, possibly
 * followed by {@code , password required}.
 *
 * @param version          the daemon's version
 * @param passwordRequired whether requests need an {@code auth} first
 */
public record Greeting(String version, boolean passwordRequired) {
    private static final String NAME = "Matt_daemon ";

    /**
     * Reads a greeting notice's text (without {@code "* "}).
     *
     * @throws IllegalArgumentException when the text is not a Matt_daemon greeting
     */
    public static Greeting parse(String text) {
        if (!text.startsWith(NAME) || !text.contains(" ready")) {
            throw new IllegalArgumentException("not a Matt_daemon greeting: " + text);
        }
        String rest = text.substring(NAME.length());
        String version = rest.substring(0, rest.indexOf(' '));
        return new Greeting(version, rest.contains("password required"));
    }
}

package mattdaemon.protocol;

/**
 * The notice a daemon sends on connect:
 * {@code Matt_daemon <version> ready[, TLS required][, password required]}.
 *
 * @param version          the daemon's version
 * @param tlsRequired      whether requests need {@code starttls} first
 * @param passwordRequired whether requests need an {@code auth} first
 */
public record Greeting(String version, boolean tlsRequired, boolean passwordRequired) {
    private static final String NAME = "Matt_daemon ";
    private static final String READY = " ready";
    private static final String TLS_REQUIRED = ", TLS required";
    private static final String PASSWORD_REQUIRED = ", password required";

    /** The notice's text, without {@code "* "}. */
    public String text() {
        return NAME + version + READY + (tlsRequired ? TLS_REQUIRED : "") + (passwordRequired ? PASSWORD_REQUIRED : "");
    }

    /**
     * Reads a greeting notice's text (without {@code "* "}).
     *
     * @throws IllegalArgumentException when the text is not a Matt_daemon greeting
     */
    public static Greeting parse(String text) {
        int ready = text.indexOf(READY);
        if (!text.startsWith(NAME) || ready <= NAME.length()) {
            throw new IllegalArgumentException("not a Matt_daemon greeting: " + text);
        }
        String version = text.substring(NAME.length(), ready);
        if (version.contains(" ")) {
            throw new IllegalArgumentException("not a Matt_daemon greeting: " + text);
        }
        String rest = text.substring(ready + READY.length());
        return new Greeting(version, rest.contains(TLS_REQUIRED), rest.contains(PASSWORD_REQUIRED));
    }
}

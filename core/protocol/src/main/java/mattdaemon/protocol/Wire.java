package mattdaemon.protocol;

/**
 * The kinds of line a daemon sends and how each is written: body lines ({@code | text}),
 * status lines ({@code +OK text}, {@code -ERR CODE text}) and notices ({@code * text}).
 */
public final class Wire {
    /** Starts every body line of a reply. */
    public static final String BODY_PREFIX = "| ";
    /** Starts every notice, a line not tied to a request. */
    public static final String NOTICE_PREFIX = "* ";
    /** The status word of a successful reply. */
    public static final String OK = "+OK";
    /** The status word of a failed reply; the error code follows it. */
    public static final String ERR = "-ERR";

    private Wire() {
    }

    /** {@code | text}. */
    public static String body(String text) {
        return BODY_PREFIX + text;
    }

    /** {@code +OK text}, as the daemon writes it (with the space even when the text is empty). */
    public static String ok(String text) {
        return OK + " " + text;
    }

    /** {@code -ERR CODE text}. */
    public static String error(String code, String text) {
        return ERR + " " + code + " " + text;
    }

    /** {@code * text}. */
    public static String notice(String text) {
        return NOTICE_PREFIX + text;
    }

    /** Whether a line is a body line; a bare {@code |} counts as an empty one. */
    public static boolean isBody(String line) {
        return line.startsWith(BODY_PREFIX) || line.equals("|");
    }

    /** A body line's text, without its prefix. */
    public static String bodyText(String line) {
        return line.length() > BODY_PREFIX.length() ? line.substring(BODY_PREFIX.length()) : "";
    }

    /** Whether a line is a notice. */
    public static boolean isNotice(String line) {
        return line.startsWith(NOTICE_PREFIX);
    }

    /** A notice's text, without its prefix; any other line as it is. */
    public static String noticeText(String line) {
        return isNotice(line) ? line.substring(NOTICE_PREFIX.length()) : line;
    }

    /** Whether a line ends a reply ({@code +OK ...} or {@code -ERR ...}). */
    public static boolean isStatus(String line) {
        return isWord(line, OK) || isWord(line, ERR);
    }

    private static boolean isWord(String line, String word) {
        return line.startsWith(word) && (line.length() == word.length() || line.charAt(word.length()) == ' ');
    }

    /**
     * A status line split into its parts.
     *
     * @param ok   whether it is {@code +OK}
     * @param code the error code; empty for {@code +OK}
     * @param text the text after {@code +OK} or after the code
     */
    public record Status(boolean ok, String code, String text) {
        /**
         * Splits a status line.
         *
         * @throws IllegalArgumentException when {@code line} is not a status line
         */
        public static Status parse(String line) {
            if (isWord(line, OK)) {
                return new Status(true, "", line.length() > OK.length() ? line.substring(OK.length() + 1) : "");
            }
            if (isWord(line, ERR)) {
                String rest = line.length() > ERR.length() ? line.substring(ERR.length() + 1) : "";
                int space = rest.indexOf(' ');
                return space < 0 ? new Status(false, rest, "") : new Status(false, rest.substring(0, space), rest.substring(space + 1));
            }
            throw new IllegalArgumentException("not a status line: " + line);
        }

        /** The line as a daemon writes it. */
        public String line() {
            return ok ? Wire.ok(text) : Wire.error(code, text);
        }
    }
}

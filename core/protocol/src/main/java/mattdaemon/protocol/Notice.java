package mattdaemon.protocol;

/** The texts of the notices ({@code * text}) a daemon sends besides the greeting. */
public final class Notice {
    /** The command set changed: run {@code help} again. */
    public static final String PLUGINS_CHANGED = "plugins changed";
    /** The daemon stops; the connection closes next. Also the text of {@code quit}'s {@code +OK}. */
    public static final String SHUTTING_DOWN = "Matt_daemon shutting down";
    /** Ends the notice of a session the daemon closes (idle, authentication timeout). */
    public static final String CLOSING_SUFFIX = ", closing";

    private Notice() {
    }

    /** The notice that closes a session, e.g. {@code idle timeout, closing}. */
    public static String closing(String why) {
        return why + CLOSING_SUFFIX;
    }
}

package mattdaemon.plugin.mail.rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of daemon event a rule can watch, by their configuration word. */
public enum EventKind {
    /** A client line that was not a command; {@code match} applies to its text. */
    MESSAGE,
    /** A client sent a wrong password; {@code match} applies to its address. */
    AUTH_FAILURE,
    /** A client turned away because every slot was taken; {@code match} applies to its address. */
    CLIENT_REFUSED,
    /** A signal reached the daemon; {@code match} applies to its name, e.g. {@code SIGTERM}. */
    SIGNAL,
    /** The daemon is stopping; {@code match} applies to the reason. */
    SHUTDOWN,
    /** A command failed, threw or timed out; {@code match} applies to the command's name. */
    PLUGIN_FAILURE,
    /** A client connected; {@code match} applies to its address. */
    CLIENT_CONNECTED,
    /** A client went away; {@code match} applies to its address. */
    CLIENT_DISCONNECTED;

    /** The configuration word, e.g. {@code client_refused}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind named {@code word}.
     *
     * @throws IllegalArgumentException listing the valid words
     */
    public static EventKind parse(String word) {
        for (EventKind kind : values()) {
            if (kind.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown event '" + word + "', expected one of "
                + Arrays.stream(values()).map(EventKind::word).collect(Collectors.joining(", ")));
    }
}

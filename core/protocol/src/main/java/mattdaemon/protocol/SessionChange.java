package mattdaemon.protocol;

import java.util.Locale;

/**
 * What an {@code +OK} reply says changed in the session. The daemon's commands answer with
 * these texts, and a client learns from them (not from the words it sent) whether a codec is
 * now on, TLS must start, or it is authenticated. The reply that switches the wire still
 * travels the old way; the next line travels the new way.
 */
public sealed interface SessionChange {
    /** {@code +OK} text of {@code daemoncrypt} turning Base64 on. */
    String CODEC_ON = "daemoncrypt on: lines are Base64 from now on";
    /** {@code +OK} text of {@code daemoncrypt} turning Base64 off. */
    String CODEC_OFF = "daemoncrypt off: plain lines from now on";
    /** {@code +OK} text of {@code starttls}, followed by the certificate's fingerprint. */
    String STARTTLS_PREFIX = "begin TLS handshake; certificate SHA-256 ";
    /** {@code +OK} text of a successful {@code auth}. */
    String AUTHENTICATED = "authenticated";
    /** {@code +OK} text of {@code auth} on a session that already passed it. */
    String ALREADY_AUTHENTICATED = "already authenticated";
    /** {@code +OK} text of {@code auth} on a daemon without a password. */
    String NO_PASSWORD = "no password is required";
    /** {@code +OK} text of a line that named no command and was logged as a message. */
    String LOGGED = "logged";

    /** Nothing changed. */
    record None() implements SessionChange {
    }

    /** Requests are accepted from now on. */
    record Authenticated() implements SessionChange {
    }

    /** Lines after this reply travel Base64 ({@code true}) or plain ({@code false}). */
    record UseBase64(boolean on) implements SessionChange {
    }

    /** The client starts a TLS handshake right after this reply. */
    record StartTls(String fingerprint) implements SessionChange {
    }

    /** The reply text of {@code daemoncrypt} when the codec was already as asked. */
    static String codecAlready(boolean on) {
        return "daemoncrypt already " + (on ? "on" : "off");
    }

    /** The {@code +OK} text of {@code daemoncrypt} that switched to {@code on}. */
    static String codecSwitched(boolean on) {
        return on ? CODEC_ON : CODEC_OFF;
    }

    /** The {@code +OK} text of {@code starttls}. */
    static String startTls(String fingerprint) {
        return STARTTLS_PREFIX + fingerprint;
    }

    /** What a reply's status says changed; {@link None} for an error or any other text. */
    static SessionChange of(Wire.Status status) {
        if (!status.ok()) {
            return new None();
        }
        String text = status.text();
        return switch (text) {
            case CODEC_ON -> new UseBase64(true);
            case CODEC_OFF -> new UseBase64(false);
            case AUTHENTICATED, ALREADY_AUTHENTICATED, NO_PASSWORD -> new Authenticated();
            default -> text.startsWith(STARTTLS_PREFIX)
                    ? new StartTls(text.substring(STARTTLS_PREFIX.length()).strip().toUpperCase(Locale.ROOT))
                    : new None();
        };
    }

    /**
     * Whether a request is one whose reply may carry a session change ({@code auth},
     * {@code starttls}, {@code daemoncrypt}); a client applies a change only to such a
     * request's reply, so a plugin's {@code +OK authenticated} to something else changes nothing.
     */
    static boolean mayChange(String request) {
        return switch (commandWord(request)) {
            case "auth", "starttls", "daemoncrypt" -> true;
            default -> false;
        };
    }

    /**
     * Whether a request may switch how the following lines travel ({@code starttls},
     * {@code daemoncrypt}): a client sends nothing after it until its reply is read.
     */
    static boolean mayChangeWire(String request) {
        return switch (commandWord(request)) {
            case "starttls", "daemoncrypt" -> true;
            default -> false;
        };
    }

    private static String commandWord(String request) {
        return request.strip().split("\\s+", 2)[0];
    }
}

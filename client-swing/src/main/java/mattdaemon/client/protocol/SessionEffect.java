package mattdaemon.client.protocol;

import java.util.Locale;

/**
 * What a successful request changes in the session. Requests that change the wire (codec,
 * TLS) are barriers: nothing is sent after them until their reply has been read, since the
 * next line must already travel in the new form.
 */
enum SessionEffect {
    NONE, AUTH, CODEC_BASE64, CODEC_PLAIN, CODEC_TOGGLE, STARTTLS;

    /** The reply a daemon gives to a line that is no command, only a message. */
    static final String LOGGED = "logged";

    static SessionEffect of(String request) {
        String[] words = request.strip().split("\\s+", 3);
        String arg = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "";
        return switch (words[0]) {
            case "auth" -> words.length > 1 ? AUTH : NONE;
            case "starttls" -> words.length == 1 ? STARTTLS : NONE;
            case "daemoncrypt" -> switch (words.length) {
                // bare daemoncrypt toggles (protocol.md): the reply comes before the switch either way
                case 1 -> CODEC_TOGGLE;
                case 2 -> switch (arg) {
                    case "on" -> CODEC_BASE64;
                    case "off" -> CODEC_PLAIN;
                    default -> NONE;
                };
                default -> NONE;
            };
            default -> NONE;
        };
    }

    boolean changesWire() {
        return this == CODEC_BASE64 || this == CODEC_PLAIN || this == CODEC_TOGGLE || this == STARTTLS;
    }

    /**
     * Whether {@code reply} means the effect took place: an {@code +OK} that is not the
     * {@code +OK logged} of a daemon that has no such command.
     */
    static boolean tookEffect(Reply reply) {
        return reply.ok() && !reply.text().equals(LOGGED);
    }
}

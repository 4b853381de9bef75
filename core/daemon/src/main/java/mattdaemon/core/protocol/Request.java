package mattdaemon.core.protocol;

/**
 * One request line as the session read and decoded it. Only {@link Text} reaches a command;
 * the others are lines the protocol could not turn into text, each answered with its own error.
 */
public sealed interface Request {

    /** A line decoded to text through the session's codec. */
    record Text(String text) implements Request {
    }

    /** A line that is not valid UTF-8; {@code bytes} as received, without the line end. */
    record NotUtf8(byte[] bytes) implements Request {
    }

    /** A valid UTF-8 line that the session's codec cannot decode (e.g. bad Base64). */
    record Undecodable(String codec, String wire, String reason) implements Request {
    }

    /** A line over the length limit, already discarded. */
    record TooLong(long length, int limit) implements Request {
    }
}

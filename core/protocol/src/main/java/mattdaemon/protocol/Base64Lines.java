package mattdaemon.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code daemoncrypt} line codec: each line travels as the standard Base64 (RFC 4648,
 * with padding) of its UTF-8 bytes. Decoding is strict on both sides of the wire: a line that
 * is not Base64, or whose bytes are not UTF-8, is refused rather than decoded with replacement
 * characters, so what is logged or run is exactly what was sent. Blanks around a line are
 * ignored.
 */
public final class Base64Lines {
    /** The name shown by {@code daemoninfo} and the log. */
    public static final String NAME = "base64";

    private Base64Lines() {
    }

    /** The wire form of one line. */
    public static String encode(String line) {
        return Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The text of one wire line.
     *
     * @throws IllegalArgumentException when the line is not Base64, or its bytes not UTF-8
     */
    public static String decode(String wireLine) {
        byte[] bytes = Base64.getDecoder().decode(wireLine.strip());
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("decoded bytes are not UTF-8");
        }
    }
}

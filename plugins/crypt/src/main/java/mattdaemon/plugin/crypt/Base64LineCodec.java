package mattdaemon.plugin.crypt;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import mattdaemon.api.LineCodec;

/** Each line travels as the standard Base64 of its UTF-8 bytes; decoding is strict. */
public final class Base64LineCodec implements LineCodec {
    /** The one instance; the codec has no state. */
    public static final Base64LineCodec INSTANCE = new Base64LineCodec();

    private Base64LineCodec() {
    }

    @Override
    public String name() {
        return "base64";
    }

    @Override
    public String encode(String line) {
        return Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException when the line is not Base64, or its bytes not UTF-8
     */
    @Override
    public String decode(String wireLine) {
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

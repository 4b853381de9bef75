package mattdaemon.plugin.crypt;

import mattdaemon.api.LineCodec;
import mattdaemon.protocol.Base64Lines;

/**
 * The session codec of {@code daemoncrypt}: the protocol's {@link Base64Lines}, strict on
 * input (a line that is not Base64, or not UTF-8 once decoded, is refused).
 */
public final class Base64LineCodec implements LineCodec {
    /** The one instance; the codec has no state. */
    public static final Base64LineCodec INSTANCE = new Base64LineCodec();

    private Base64LineCodec() {
    }

    @Override
    public String name() {
        return Base64Lines.NAME;
    }

    @Override
    public String encode(String line) {
        return Base64Lines.encode(line);
    }

    /**
     * @throws IllegalArgumentException when the line is not Base64, or its bytes not UTF-8
     */
    @Override
    public String decode(String wireLine) {
        return Base64Lines.decode(wireLine);
    }
}

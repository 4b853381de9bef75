package mattdaemon.client.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How protocol lines travel: as they are, or each one Base64 of its UTF-8 bytes. */
public enum WireCodec {
    /** Lines as they are. */
    PLAIN("plain") {
        @Override
        public String encode(String line) {
            return line;
        }

        @Override
        public String decode(String wireLine) {
            return wireLine;
        }
    },
    /** Each line is Base64 of its UTF-8 bytes ({@code daemoncrypt on}). */
    BASE64("Base64") {
        @Override
        public String encode(String line) {
            return Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String decode(String wireLine) {
            return new String(Base64.getDecoder().decode(wireLine.strip()), StandardCharsets.UTF_8);
        }
    };

    private final String label;

    WireCodec(String label) {
        this.label = label;
    }

    /** The wire form of one line. */
    public abstract String encode(String line);

    /**
     * The text of one wire line.
     *
     * @throws IllegalArgumentException when the line is not valid in this codec
     */
    public abstract String decode(String wireLine);

    /** The name shown to people. */
    public String label() {
        return label;
    }
}

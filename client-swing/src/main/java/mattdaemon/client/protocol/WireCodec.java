package mattdaemon.client.protocol;

import mattdaemon.protocol.Base64Lines;

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
    /** Each line is Base64 of its UTF-8 bytes ({@code daemoncrypt on}); see {@link Base64Lines}. */
    BASE64("Base64") {
        @Override
        public String encode(String line) {
            return Base64Lines.encode(line);
        }

        @Override
        public String decode(String wireLine) {
            return Base64Lines.decode(wireLine);
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

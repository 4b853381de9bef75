package mattdaemon.api;

/**
 * Turns protocol lines into their on-the-wire form and back (e.g. Base64 for {@code daemoncrypt}).
 * Wire lines never contain CR or LF.
 */
public interface LineCodec {

    /** Lines travel as they are. */
    LineCodec PLAIN = new LineCodec() {
        @Override
        public String name() {
            return "plain";
        }

        @Override
        public String encode(String line) {
            return line;
        }

        @Override
        public String decode(String wireLine) {
            return wireLine;
        }
    };

    /** Short name shown in {@code daemoninfo} and logs. */
    String name();

    /** The wire form of one outgoing line. */
    String encode(String line);

    /**
     * The text of one incoming wire line.
     *
     * @throws IllegalArgumentException when the wire line is not valid in this codec
     */
    String decode(String wireLine);
}

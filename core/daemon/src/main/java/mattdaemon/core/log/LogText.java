package mattdaemon.core.log;

import mattdaemon.core.protocol.Utf8;

/**
 * Makes untrusted text safe for a one-event-per-line log: control characters (C0, DEL, C1,
 * U+2028/2029) become visible escapes and bytes that are not UTF-8 become {@code \xNN}, so a
 * client can neither split nor forge a log line, and nothing it sent is dropped.
 */
public final class LogText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogText() {
    }

    /** Escapes a Java string. A backslash is doubled so every escape stays unambiguous. */
    public static String escape(CharSequence text) {
        return escape(text, true);
    }

    /**
     * Escapes control characters as {@link #escape} does but leaves backslashes as they are: for
     * replies, whose lines may quote the log and its escapes.
     */
    public static String escapeControls(CharSequence text) {
        return escape(text, false);
    }

    private static String escape(CharSequence text, boolean backslashes) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (needsEscape(c) && (backslashes || c != '\\')) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                appendEscaped(out, c);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text.toString() : out.toString();
    }

    /**
     * Decodes UTF-8 bytes leniently for the log: valid sequences become their characters
     * (escaped like {@link #escape}), every byte of an invalid sequence becomes {@code \xNN}.
     */
    public static String escapeUtf8(byte[] bytes, int offset, int length) {
        // sized exactly: a 64 KiB line of bytes that each escape to 4 characters is then built
        // in one 256 KiB buffer, not grown through copies of 128, 256 and 512 KiB
        StringBuilder out = new StringBuilder(escapedLength(bytes, offset, length));
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int b = bytes[i] & 0xff;
            int size = Utf8.sequenceLength(bytes, i, end);
            if (size == 0) {
                appendByte(out, b);
                i++;
            } else if (size == 1) {
                char c = (char) b;
                if (needsEscape(c)) {
                    appendEscaped(out, c);
                } else {
                    out.append(c);
                }
                i++;
            } else {
                int codePoint = Utf8.decode(bytes, i, size);
                if (Character.isBmpCodePoint(codePoint) && needsEscape((char) codePoint)) {
                    appendEscaped(out, (char) codePoint);
                } else {
                    out.appendCodePoint(codePoint);
                }
                i += size;
            }
        }
        return out.toString();
    }

    /** The length {@link #escapeUtf8} gives. */
    private static int escapedLength(byte[] bytes, int offset, int length) {
        int n = 0;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int size = Utf8.sequenceLength(bytes, i, end);
            if (size == 0) {
                n += 4;
                i++;
            } else if (size == 1) {
                char c = (char) bytes[i];
                n += !needsEscape(c) ? 1 : c == '\n' || c == '\r' || c == '\t' || c == '\\' ? 2 : 4;
                i++;
            } else {
                int codePoint = Utf8.decode(bytes, i, size);
                boolean escaped = Character.isBmpCodePoint(codePoint) && needsEscape((char) codePoint);
                n += escaped ? (codePoint < 0x100 ? 4 : 6) : Character.charCount(codePoint);
                i += size;
            }
        }
        return n;
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == 0x7f || c == '\\' || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029;
    }

    private static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\\' -> out.append("\\\\");
            default -> {
                if (c < 0x100) {
                    appendByte(out, c);
                } else {
                    out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                            .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                }
            }
        }
    }

    private static void appendByte(StringBuilder out, int b) {
        out.append("\\x").append(HEX[b >> 4 & 0xf]).append(HEX[b & 0xf]);
    }
}

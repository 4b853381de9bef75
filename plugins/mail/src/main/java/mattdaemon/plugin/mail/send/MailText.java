package mattdaemon.plugin.mail.send;

/** Makes outside text safe for a mail header or body line. */
public final class MailText {
    private MailText() {
    }

    /**
     * {@code text} on one line: control characters written as {@code \n}, {@code \x1b}, ...
     * (no header injection through a client's message), cut to {@code max} characters.
     */
    public static String oneLine(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 16);
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (out.length() >= max && text.length() > max) {
            out.setLength(max - 3);
            out.append("...");
        }
        return out.toString();
    }
}

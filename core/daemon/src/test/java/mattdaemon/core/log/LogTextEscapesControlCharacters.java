package mattdaemon.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Control characters in client text become visible escapes, in strings and in raw bytes alike. */
final class LogTextEscapesControlCharacters {

    /** Both entry points must give the same answer for text that is valid UTF-8. */
    private static String viaBytes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return LogText.escapeUtf8(bytes, 0, bytes.length);
    }

    private static void assertEscapes(String text, String expected) {
        assertThat(LogText.escape(text)).as("escape(%s)", text).isEqualTo(expected);
        assertThat(viaBytes(text)).as("escapeUtf8(%s)", text).isEqualTo(expected);
    }

    @Test
    void lineEndsAndTabUseTheirNames() {
        assertEscapes("a\nb", "a\\nb");
        assertEscapes("a\rb", "a\\rb");
        assertEscapes("a\tb", "a\\tb");
        assertEscapes("\r\n", "\\r\\n");
    }

    @Test
    void escapeIsWrittenAsHexByte() {
        assertEscapes("\u001b[31mred", "\\x1b[31mred");
    }

    @Test
    void everyOtherC0ControlIsAHexByte() {
        for (char c = 0; c < 0x20; c++) {
            if (c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            assertEscapes("<" + c + ">", String.format("<\\x%02x>", (int) c));
        }
    }

    @Test
    void deleteIsAHexByte() {
        assertEscapes("a\u007fb", "a\\x7fb");
    }

    @Test
    void c1ControlsAreHexBytes() {
        for (char c = 0x80; c <= 0x9f; c++) {
            assertEscapes("<" + c + ">", String.format("<\\x%02x>", (int) c));
        }
    }

    @Test
    void lineAndParagraphSeparatorsAreUnicodeEscapes() {
        assertEscapes("a\u2028b\u2029c", "a\\u2028b\\u2029c");
    }

    @Test
    void backslashIsDoubledSoAnEscapeCannotBeForged() {
        assertEscapes("C:\\temp", "C:\\\\temp");
        // a client typing the four characters \x1b must not look like a real ESC in the log
        assertEscapes("\\x1b", "\\\\x1b");
        assertThat(LogText.escape("\\n")).isNotEqualTo(LogText.escape("\n"));
    }

    @Test
    void printableTextIsUnchanged() {
        String text = "hello, world ~ !\"#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}";
        assertEscapes(text, text);
        assertThat(LogText.escape(text)).isSameAs(text);
    }

    @Test
    void charactersRightAfterTheControlRangesAreKept() {
        // U+00A0 follows the C1 block, U+2027 and U+202A surround the separators
        assertEscapes("\u00a0\u00ff\u2027\u202a", "\u00a0\u00ff\u2027\u202a");
        assertEscapes(" ~", " ~");
    }

    @Test
    void escapedTextNeverContainsALineBreakOrControl() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            if (!Character.isSurrogate(c)) {
                all.append(c);
            }
        }
        String escaped = LogText.escape(all);
        assertThat(escaped.chars().filter(c -> c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029))
                .isEmpty();
        assertThat(viaBytes(all.toString())).isEqualTo(escaped);
    }
}

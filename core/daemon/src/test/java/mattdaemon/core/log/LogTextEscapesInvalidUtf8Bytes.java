package mattdaemon.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every byte of a sequence that is not valid UTF-8 becomes {@code \xNN}; nothing is dropped. */
final class LogTextEscapesInvalidUtf8Bytes {

    private static String escape(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return LogText.escapeUtf8(bytes, 0, bytes.length);
    }

    @Test
    void loneContinuationBytes() {
        assertThat(escape(0x80)).isEqualTo("\\x80");
        assertThat(escape('a', 0xbf, 'b')).isEqualTo("a\\xbfb");
        assertThat(escape(0x80, 0x80)).isEqualTo("\\x80\\x80");
    }

    @Test
    void truncatedSequences() {
        assertThat(escape(0xc3)).isEqualTo("\\xc3");
        // 中 is E4 B8 AD, cut after two bytes, at the end and before an ASCII byte
        assertThat(escape(0xe4, 0xb8)).isEqualTo("\\xe4\\xb8");
        assertThat(escape(0xe4, 0xb8, 'A')).isEqualTo("\\xe4\\xb8A");
        // U+1F600 is F0 9F 98 80
        assertThat(escape(0xf0, 0x9f, 0x98)).isEqualTo("\\xf0\\x9f\\x98");
        assertThat(escape(0xf0, 0x9f, 0x98, ' ', 0xf0, 0x9f, 0x98, 0x80)).isEqualTo("\\xf0\\x9f\\x98 \uD83D\uDE00");
    }

    @Test
    void overlongEncodings() {
        assertThat(escape(0xc0, 0x80)).isEqualTo("\\xc0\\x80");
        assertThat(escape(0xc1, 0xbf)).isEqualTo("\\xc1\\xbf");
        assertThat(escape(0xe0, 0x80, 0x80)).isEqualTo("\\xe0\\x80\\x80");
        assertThat(escape(0xe0, 0x9f, 0xbf)).isEqualTo("\\xe0\\x9f\\xbf");
        assertThat(escape(0xf0, 0x80, 0x80, 0x80)).isEqualTo("\\xf0\\x80\\x80\\x80");
        assertThat(escape(0xf0, 0x8f, 0xbf, 0xbf)).isEqualTo("\\xf0\\x8f\\xbf\\xbf");
    }

    @Test
    void overlongSlashOrLineFeedCannotSneakThrough() {
        // C0 AF would be '/' and C0 8A a line feed in a lax decoder
        assertThat(escape(0xc0, 0xaf)).isEqualTo("\\xc0\\xaf");
        assertThat(escape(0xc0, 0x8a)).isEqualTo("\\xc0\\x8a");
        assertThat(escape(0xe0, 0x80, 0x8a)).isEqualTo("\\xe0\\x80\\x8a");
    }

    @Test
    void encodedSurrogates() {
        assertThat(escape(0xed, 0xa0, 0x80)).isEqualTo("\\xed\\xa0\\x80");
        assertThat(escape(0xed, 0xbf, 0xbf)).isEqualTo("\\xed\\xbf\\xbf");
        // the last code point before the surrogates is fine
        assertThat(escape(0xed, 0x9f, 0xbf)).isEqualTo("\ud7ff");
    }

    @Test
    void codePointsAboveUnicode() {
        assertThat(escape(0xf4, 0x90, 0x80, 0x80)).isEqualTo("\\xf4\\x90\\x80\\x80");
        assertThat(escape(0xf5, 0x80, 0x80, 0x80)).isEqualTo("\\xf5\\x80\\x80\\x80");
        assertThat(escape(0xf4, 0x8f, 0xbf, 0xbf)).isEqualTo(new String(Character.toChars(0x10ffff)));
    }

    @Test
    void bytesThatNeverAppearInUtf8() {
        assertThat(escape(0xf8, 0xfe, 0xff)).isEqualTo("\\xf8\\xfe\\xff");
    }

    @Test
    void validTextAroundInvalidBytesIsKept() {
        assertThat(escape('o', 'k', 0xff, 0xc3, 0xa9, 0xed, 0xa0, 0x80, '\n'))
                .isEqualTo("ok\\xffé\\xed\\xa0\\x80\\n");
    }
}

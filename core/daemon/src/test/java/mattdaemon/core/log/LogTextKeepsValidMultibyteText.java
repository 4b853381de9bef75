package mattdaemon.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Valid non-ASCII text reaches the log as itself, not as escapes. */
final class LogTextKeepsValidMultibyteText {

    private static String viaBytes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return LogText.escapeUtf8(bytes, 0, bytes.length);
    }

    @Test
    void twoThreeAndFourByteSequencesAreKept() {
        String text = "café 中文 \uD83D\uDE00 end";
        assertThat(viaBytes(text)).isEqualTo(text);
        assertThat(LogText.escape(text)).isEqualTo(text);
    }

    @Test
    void boundaryCodePointsAreKept() {
        // smallest and largest code point of each sequence length that is not a control
        String text = new StringBuilder()
                .append('\u00a0').append('\u07ff')
                .append('\u0800').append('\ud7ff').append('\ue000').append('\uffff')
                .appendCodePoint(0x10000).appendCodePoint(0x10ffff)
                .toString();
        assertThat(viaBytes(text)).isEqualTo(text);
    }

    @Test
    void controlsNextToMultibyteTextAreStillEscaped() {
        assertThat(viaBytes("é\n中\u001b\uD83D\uDE00\u0085")).isEqualTo("é\\n中\\x1b\uD83D\uDE00\\x85");
    }

    @Test
    void onlyTheGivenRangeIsRead() {
        byte[] bytes = "xx中yy".getBytes(StandardCharsets.UTF_8);
        assertThat(LogText.escapeUtf8(bytes, 2, 3)).isEqualTo("中");
        assertThat(LogText.escapeUtf8(bytes, 2, 2)).isEqualTo("\\xe4\\xb8");
    }

    @Test
    void randomValidTextEscapesTheSameFromBytesAsFromChars() {
        Random random = new Random(20261124L);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int k = 0; k < length; k++) {
                int codePoint;
                do {
                    codePoint = switch (random.nextInt(4)) {
                        case 0 -> random.nextInt(0x80);
                        case 1 -> random.nextInt(0x800);
                        case 2 -> random.nextInt(0x10000);
                        default -> random.nextInt(0x110000);
                    };
                } while (codePoint >= 0xd800 && codePoint <= 0xdfff);
                text.appendCodePoint(codePoint);
            }
            assertThat(viaBytes(text.toString())).as("text %s", text.codePoints().boxed().toList())
                    .isEqualTo(LogText.escape(text));
        }
    }
}

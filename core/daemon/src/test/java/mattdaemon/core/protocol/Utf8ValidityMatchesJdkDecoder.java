package mattdaemon.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link Utf8#isValid} accepts exactly what the JDK's strict UTF-8 decoder accepts. */
final class Utf8ValidityMatchesJdkDecoder {
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private boolean jdkAccepts(byte[] bytes) {
        try {
            strict.reset().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void knownCases() {
        assertThat(Utf8.isValid(new byte[0], 0, 0)).isTrue();
        byte[][] valid = {bytes('a'), bytes(0xc3, 0xa9), bytes(0xe4, 0xb8, 0xad), bytes(0xf0, 0x9f, 0x98, 0x80),
                bytes(0xf4, 0x8f, 0xbf, 0xbf), bytes(0xed, 0x9f, 0xbf), bytes(0xee, 0x80, 0x80)};
        byte[][] invalid = {bytes(0x80), bytes(0xc3), bytes(0xe4, 0xb8), bytes(0xc0, 0x80), bytes(0xc1, 0xbf),
                bytes(0xe0, 0x80, 0x80), bytes(0xf0, 0x80, 0x80, 0x80), bytes(0xed, 0xa0, 0x80),
                bytes(0xf4, 0x90, 0x80, 0x80), bytes(0xf5, 0x80, 0x80, 0x80), bytes(0xff), bytes(0xc3, 'a')};
        for (byte[] b : valid) {
            assertThat(Utf8.isValid(b, 0, b.length)).as(HexFormat.of().formatHex(b)).isTrue();
            assertThat(jdkAccepts(b)).as(HexFormat.of().formatHex(b)).isTrue();
        }
        for (byte[] b : invalid) {
            assertThat(Utf8.isValid(b, 0, b.length)).as(HexFormat.of().formatHex(b)).isFalse();
            assertThat(jdkAccepts(b)).as(HexFormat.of().formatHex(b)).isFalse();
        }
    }

    @Test
    void onlyTheGivenRangeIsChecked() {
        byte[] b = bytes(0xff, 'o', 'k', 0xe4, 0xb8, 0xad, 0xff);
        assertThat(Utf8.isValid(b, 1, 5)).isTrue();
        assertThat(Utf8.isValid(b, 0, 6)).isFalse();
        assertThat(Utf8.isValid(b, 1, 6)).isFalse();
        // a sequence that would be complete past the end of the range is cut off
        assertThat(Utf8.isValid(b, 1, 4)).isFalse();
    }

    @Test
    void randomByteArrays() {
        Random random = new Random(0x4d617474L);
        int valid = 0;
        int invalid = 0;
        for (int round = 0; round < 100_000; round++) {
            byte[] b = randomBytes(random);
            boolean expected = jdkAccepts(b);
            assertThat(Utf8.isValid(b, 0, b.length)).as("bytes %s", HexFormat.of().formatHex(b)).isEqualTo(expected);
            if (expected) {
                valid++;
            } else {
                invalid++;
            }
        }
        // both answers must be common, or the loop proves little
        assertThat(valid).isGreaterThan(10_000);
        assertThat(invalid).isGreaterThan(10_000);
    }

    /**
     * A few pieces: ASCII, real encodings of any length, real encodings cut short, lone bytes, and
     * lead bytes followed by arbitrary continuation bytes (overlongs, surrogates, beyond U+10FFFF).
     */
    private static byte[] randomBytes(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = random.nextInt(5);
        for (int p = 0; p < pieces; p++) {
            switch (random.nextInt(6)) {
                case 0 -> out.write(random.nextInt(0x80));
                case 1, 2 -> out.writeBytes(encode(randomScalar(random)));
                case 3 -> {
                    byte[] real = encode(randomScalar(random));
                    out.write(real, 0, random.nextInt(real.length));
                }
                case 4 -> out.write(random.nextInt(256));
                default -> {
                    int lead = 0xc0 + random.nextInt(0x40);
                    out.write(lead);
                    int continuations = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3;
                    for (int k = 0; k < continuations; k++) {
                        out.write(0x80 + random.nextInt(0x40));
                    }
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] encode(int codePoint) {
        return new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
    }

    /** Any Unicode scalar value, with each encoded length about equally likely. */
    private static int randomScalar(Random random) {
        while (true) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> 0x80 + random.nextInt(0x800 - 0x80);
                case 2 -> 0x800 + random.nextInt(0x10000 - 0x800);
                default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
            };
            if (codePoint < 0xd800 || codePoint > 0xdfff) {
                return codePoint;
            }
        }
    }
}

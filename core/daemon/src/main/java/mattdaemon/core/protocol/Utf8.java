package mattdaemon.core.protocol;

/** Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF). */
public final class Utf8 {
    private Utf8() {
    }

    /** Whether the whole range is valid UTF-8. */
    public static boolean isValid(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            int size = sequenceLength(bytes, i, end);
            if (size == 0) {
                return false;
            }
            i += size;
        }
        return true;
    }

    /** Length of the valid sequence starting at {@code i}, or 0 when it is invalid or cut off. */
    public static int sequenceLength(byte[] bytes, int i, int end) {
        int b0 = bytes[i] & 0xff;
        if (b0 < 0x80) {
            return 1;
        }
        int size;
        int min;
        if (b0 >= 0xc2 && b0 <= 0xdf) {
            size = 2;
            min = 0x80;
        } else if (b0 >= 0xe0 && b0 <= 0xef) {
            size = 3;
            min = 0x800;
        } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            size = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + size > end) {
            return 0;
        }
        for (int k = 1; k < size; k++) {
            if ((bytes[i + k] & 0xc0) != 0x80) {
                return 0;
            }
        }
        int codePoint = decode(bytes, i, size);
        boolean surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
        return codePoint < min || codePoint > 0x10ffff || surrogate ? 0 : size;
    }

    /** Decodes one sequence already known to be valid. */
    public static int decode(byte[] bytes, int i, int size) {
        int b0 = bytes[i] & 0xff;
        int codePoint = switch (size) {
            case 2 -> b0 & 0x1f;
            case 3 -> b0 & 0x0f;
            default -> b0 & 0x07;
        };
        for (int k = 1; k < size; k++) {
            codePoint = codePoint << 6 | (bytes[i + k] & 0x3f);
        }
        return codePoint;
    }
}

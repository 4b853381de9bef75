package mattdaemon.plugin.machinfo;

import java.util.Locale;

/** Numbers as people read them: binary sizes, uptimes and shares. */
final class Units {
    private static final String[] PREFIXES = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Units() {
    }

    /** {@code 512 B}, {@code 1.5 KiB}, {@code 23.4 GiB}: one decimal past a kibibyte. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int prefix = -1;
        while (value >= 1024 && prefix < PREFIXES.length - 1) {
            value /= 1024;
            prefix++;
        }
        // 1023.96 KiB would print as "1024.0 KiB": say 1.0 MiB instead
        if (Math.round(value * 10) >= 10240 && prefix < PREFIXES.length - 1) {
            value /= 1024;
            prefix++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, PREFIXES[prefix]);
    }

    /** {@code 04:12:55}, or {@code 3d 04:12:55} past a day; negative counts as zero. */
    static String duration(long seconds) {
        long s = Math.max(0, seconds);
        long days = s / 86_400;
        String clock = String.format(Locale.ROOT, "%02d:%02d:%02d", s % 86_400 / 3600, s % 3600 / 60, s % 60);
        return days > 0 ? days + "d " + clock : clock;
    }

    /** {@code part} as a whole percentage of {@code whole}, rounded; {@code 0%} of nothing. */
    static String percent(long part, long whole) {
        return (whole <= 0 ? 0 : Math.round(100.0 * part / whole)) + "%";
    }
}

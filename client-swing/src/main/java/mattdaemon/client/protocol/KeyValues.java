package mattdaemon.client.protocol;

import java.util.List;
import java.util.Map;

/**
 * Reads {@code key: value} body lines, as {@code daemoninfo} and {@code machinfo} send them.
 */
public final class KeyValues {
    private KeyValues() {
    }

    /**
     * The pairs in body order; a line without {@code ": "} becomes a key with an empty value,
     * so nothing the daemon said is hidden.
     */
    public static List<Map.Entry<String, String>> of(Reply reply) {
        return reply.body().stream().map(KeyValues::pair).toList();
    }

    /** Whether most body lines look like {@code key: value}. */
    public static boolean looksLikeKeyValues(Reply reply) {
        long pairs = reply.body().stream().filter(l -> l.indexOf(": ") > 0).count();
        return !reply.body().isEmpty() && pairs * 2 > reply.body().size();
    }

    private static Map.Entry<String, String> pair(String line) {
        int colon = line.indexOf(": ");
        return colon > 0 ? Map.entry(line.substring(0, colon).strip(), line.substring(colon + 2).strip())
                : Map.entry(line.strip(), "");
    }
}

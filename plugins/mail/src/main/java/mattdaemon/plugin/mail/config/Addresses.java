package mattdaemon.plugin.mail.config;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Checks mail addresses as soon as they are written, so a bad one is refused at once. */
public final class Addresses {
    private Addresses() {
    }

    /**
     * A comma-separated list of plain addresses ({@code user@example.org}), each checked.
     *
     * @throws IllegalArgumentException naming the first bad address and why it is bad
     */
    public static List<String> parseList(String text) {
        List<String> addresses = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                addresses.add(parse(part));
            }
        }
        return List.copyOf(addresses);
    }

    /** One plain address, checked; see {@link #parseList}. */
    public static String parse(String text) {
        String candidate = text.strip();
        if (candidate.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("bad address: control characters are not allowed");
        }
        try {
            InternetAddress address = new InternetAddress(candidate, true);
            address.validate();
            String plain = address.getAddress();
            int at = plain.lastIndexOf('@');
            if (at < 1 || at == plain.length() - 1 || !plain.equals(candidate)) {
                throw new AddressException("expected user@domain", candidate);
            }
            return plain;
        } catch (AddressException e) {
            throw new IllegalArgumentException("bad address '" + candidate + "': " + e.getMessage());
        }
    }
}

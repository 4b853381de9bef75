package mattdaemon.plugin.sysinfo;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/** IP addresses as text, IPv6 in its short form ({@code fe80::1}, RFC 5952). */
public final class AddressText {
    private AddressText() {
    }

    /**
     * The address of raw bytes (4 or 16; IPv4-mapped IPv6 shows as IPv4), or {@code ?} for any
     * other length. Never looks a name up.
     */
    public static String host(byte[] address) {
        try {
            InetAddress inet = InetAddress.getByAddress(address);
            return inet instanceof Inet6Address ? ipv6(inet.getHostAddress()) : inet.getHostAddress();
        } catch (UnknownHostException e) {
            return "?";
        }
    }

    /** {@code 0.0.0.0:22}, {@code [::]:22}: an address and port as a client would write them. */
    public static String endpoint(byte[] address, int port) {
        String host = host(address);
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * The short form of an IPv6 address written in full ({@code fd00:0:0:0:0:0:0:2} gives
     * {@code fd00::2}): leading zeros dropped, the longest run of two or more zero groups (the
     * first, on a tie) written {@code ::}, a {@code %scope} kept. Anything else is returned as it is.
     */
    public static String ipv6(String address) {
        int percent = address.indexOf('%');
        String scope = percent < 0 ? "" : address.substring(percent);
        String[] groups = (percent < 0 ? address : address.substring(0, percent)).split(":", -1);
        if (groups.length != 8) {
            return address;
        }
        for (int i = 0; i < groups.length; i++) {
            if (!groups[i].matches("[0-9a-fA-F]{1,4}")) {
                return address;
            }
            groups[i] = Integer.toHexString(Integer.parseInt(groups[i], 16)).toLowerCase(Locale.ROOT);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int length = 0;
            while (i + length < groups.length && groups[i + length].equals("0")) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups) + scope;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail + scope;
    }
}

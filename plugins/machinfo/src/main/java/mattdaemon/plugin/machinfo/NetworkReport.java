package mattdaemon.plugin.machinfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import mattdaemon.plugin.sysinfo.AddressText;
import oshi.hardware.NetworkIF;

/** {@code [network]}: each interface with its state, addresses (with prefix lengths) and MAC. */
final class NetworkReport implements SectionReport {
    @Override
    public void addTo(Report report, Machine machine) {
        // read every time: addresses come and go; true includes loopback
        for (NetworkIF net : machine.hardware().getNetworkIFs(true).stream()
                .sorted(Comparator.comparing(NetworkIF::getName)).toList()) {
            report.put(net.getName(), describe(net.getIfOperStatus().name().toLowerCase(Locale.ROOT),
                    addresses(net.getIPv4addr(), net.getSubnetMasks()),
                    addresses(net.getIPv6addr(), net.getPrefixLengths()), net.getMacaddr()));
        }
    }

    /** {@code up, 10.0.0.2/24 fe80::1/64, mac 52:54:00:12:34:56}. */
    static String describe(String state, List<String> ipv4, List<String> ipv6, String mac) {
        List<String> all = new ArrayList<>(ipv4);
        all.addAll(ipv6);
        return state + ", " + (all.isEmpty() ? "no address" : String.join(" ", all))
                + (mac == null || mac.isBlank() || mac.equals("unknown") ? "" : ", mac " + mac);
    }

    /** Each address with its prefix length, {@code 10.0.0.2/24}, where OSHI knows it. */
    static List<String> addresses(String[] addresses, Short[] prefixes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < addresses.length; i++) {
            Short prefix = i < prefixes.length ? prefixes[i] : null;
            String address = AddressText.ipv6(addresses[i]);
            out.add(prefix == null || prefix < 0 ? address : address + "/" + prefix);
        }
        return out;
    }
}

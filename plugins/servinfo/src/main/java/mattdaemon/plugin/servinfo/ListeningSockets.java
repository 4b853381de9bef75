package mattdaemon.plugin.servinfo;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import mattdaemon.plugin.sysinfo.AddressText;
import oshi.software.os.InternetProtocolStats.IPConnection;
import oshi.software.os.InternetProtocolStats.TcpState;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The sockets waiting for peers: TCP in LISTEN, and UDP not connected to a peer. OSHI reads them
 * from {@code /proc/net/{tcp,tcp6,udp,udp6}} and finds each socket's process through the
 * {@code /proc/<pid>/fd} links, so this works without any init system.
 */
final class ListeningSockets {

    /** The rows, sorted by protocol, port and address. */
    List<Row> list(OperatingSystem os) {
        List<IPConnection> listening = os.getInternetProtocolStats().getConnections().stream()
                .filter(ListeningSockets::isListening).toList();
        Set<Integer> pids = listening.stream().map(IPConnection::getowningProcessId).filter(p -> p > 0)
                .collect(Collectors.toSet());
        Map<Integer, String> names = os.getProcesses(pids).stream()
                .collect(Collectors.toMap(OSProcess::getProcessID, OSProcess::getName, (a, b) -> a));
        return listening.stream()
                .map(c -> new Row(c.getType(), AddressText.endpoint(c.getLocalAddress(), c.getLocalPort()),
                        c.getLocalPort(), c.getowningProcessId(), names.getOrDefault(c.getowningProcessId(), "?")))
                .sorted(Comparator.comparing(Row::protocol).thenComparing(Row::port).thenComparing(Row::address))
                .toList();
    }

    /** TCP listening, or UDP with no peer (Linux shows such sockets in state CLOSE). */
    static boolean isListening(IPConnection connection) {
        String type = connection.getType();
        if (type.startsWith("tcp")) {
            return connection.getState() == TcpState.LISTEN;
        }
        return type.startsWith("udp") && connection.getForeignPort() == 0;
    }

    /**
     * A listening socket.
     *
     * @param protocol {@code tcp4}, {@code tcp6}, {@code udp4} or {@code udp6}
     * @param address  local address and port, e.g. {@code [::]:22}
     * @param port     local port
     * @param pid      owning process, or a negative number when unknown
     * @param process  the owner's command name, {@code ?} when unknown
     */
    record Row(String protocol, String address, int port, int pid, String process) {
    }
}

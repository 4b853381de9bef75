package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped servinfo plugin, in a real daemon, lists the sockets this test opens with this
 * test's own pid, the daemon's port with the daemon's pid, and services as the init system allows.
 */
class ServinfoListsListeningSockets {
    static final long TEST_PID = ProcessHandle.current().pid();

    // a plugin present at start is loaded before the daemon reports ready
    @RegisterExtension
    static final SharedDaemon daemon = new SharedDaemon("servinfo");

    @AfterEach
    void noErrorInTheLog() throws IOException {
        assertThat(daemon.logLines()).noneMatch(l -> l.contains("[ ERROR ]"));
        assertThat(daemon.alive()).isTrue();
    }

    /** The body rows of {@code section}, each split in columns, header row excluded. */
    static List<List<String>> rows(List<String> reply, String section) {
        int start = -1;
        for (int i = 0; i < reply.size(); i++) {
            if (reply.get(i).startsWith("| [" + section + "]")) {
                start = i;
            }
        }
        assertThat(start).as("section " + section + " in " + reply).isNotNegative();
        return reply.subList(start + 2, reply.size() - 1).stream()
                .takeWhile(l -> !l.startsWith("| ["))
                .map(l -> List.of(l.substring(2).split("\\s+")))
                .toList();
    }

    @Test
    void aTcpServerSocketOfThisTestShowsWithThisTestsPid() throws IOException {
        try (ServerSocket server = new ServerSocket(0)) {
            String port = ":" + server.getLocalPort();
            List<String> reply = daemon.request("servinfo");
            assertThat(reply.getLast()).startsWith("+OK ");
            assertThat(rows(reply, "listening"))
                    .anySatisfy(row -> assertThat(row).satisfies(
                            r -> assertThat(r.get(0)).startsWith("tcp"),
                            r -> assertThat(r.get(1)).endsWith(port),
                            r -> assertThat(r.get(2)).isEqualTo(String.valueOf(TEST_PID)),
                            r -> assertThat(r.get(3)).isEqualTo("java")));
        }
    }

    @Test
    void aClosedSocketIsGone() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0)) {
            port = server.getLocalPort();
            assertThat(rows(daemon.request("servinfo"), "listening")).anyMatch(r -> r.get(1).endsWith(":" + port));
        }
        assertThat(rows(daemon.request("servinfo"), "listening")).noneMatch(r -> r.get(1).endsWith(":" + port));
    }

    @Test
    void anUnconnectedUdpSocketShowsAsListening() throws IOException {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            String address = "127.0.0.1:" + udp.getLocalPort();
            // Java opens IPv6 sockets where it can: udp6, with the IPv4-mapped address shown as IPv4
            assertThat(rows(daemon.request("servinfo"), "listening"))
                    .anyMatch(r -> r.get(0).startsWith("udp")
                            && r.subList(1, 4).equals(List.of(address, String.valueOf(TEST_PID), "java")));
        }
    }

    @Test
    void theDaemonsOwnPortShowsWithTheDaemonsPid() throws IOException {
        assertThat(rows(daemon.request("servinfo"), "listening"))
                .anyMatch(r -> r.get(0).startsWith("tcp") && r.get(1).endsWith(":" + daemon.port)
                        && r.get(2).equals(String.valueOf(daemon.pid())));
    }

    @Test
    void servicesFollowTheInitSystem() throws IOException {
        List<String> reply = daemon.request("servinfo");
        if (Files.isDirectory(Path.of("/run/systemd/system"))) {
            assertThat(reply).contains("| [services] systemd");
            assertThat(rows(reply, "services")).isNotEmpty();
        } else {
            // no systemd (a container): the services are PID 1's children, the daemon among them
            String init = Files.readString(Path.of("/proc/1/comm")).strip();
            assertThat(reply).contains("| [services] children of PID 1 (" + init + "), no systemd");
            assertThat(Proc.stat(daemon.pid())[3]).isEqualTo("1");
            assertThat(rows(reply, "services")).contains(List.of("java", "running", String.valueOf(daemon.pid())));
        }
    }

    @Test
    void aFilterKeepsOnlyMatchingRows() throws IOException {
        try (ServerSocket server = new ServerSocket(0)) {
            // ":port" can only match an address: pids and names hold no colon
            String port = ":" + server.getLocalPort();
            List<String> reply = daemon.request("servinfo " + port);
            assertThat(reply.getLast()).isEqualTo("+OK 0 services, 1 listening socket matching \"" + port + "\"");
            assertThat(rows(reply, "services")).isEmpty();
            assertThat(rows(reply, "listening")).singleElement()
                    .satisfies(r -> assertThat(r.get(1)).endsWith(port));
        }
    }
}

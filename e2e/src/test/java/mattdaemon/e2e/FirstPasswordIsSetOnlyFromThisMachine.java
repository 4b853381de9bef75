package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unprotected daemon cannot be taken over from the network: a client on another host (a
 * network namespace of the test's own, joined to this one by a veth pair) may not set the first
 * password, while one on this machine may.
 */
class FirstPasswordIsSetOnlyFromThisMachine {
    private static final String NAMESPACE = "matt-e2e-remote";
    private static final String HOST_ADDRESS = "10.231.0.1";
    private static final String REMOTE_ADDRESS = "10.231.0.2";

    @TempDir
    Path dir;

    @BeforeEach
    void makeTheOtherHost() throws Exception {
        ip("netns", "del", NAMESPACE); // left over from an interrupted run, if any
        ip("link", "del", "matt-e2e-h");
        mustIp("netns", "add", NAMESPACE);
        mustIp("link", "add", "matt-e2e-h", "type", "veth", "peer", "name", "matt-e2e-r");
        mustIp("link", "set", "matt-e2e-r", "netns", NAMESPACE);
        mustIp("addr", "add", HOST_ADDRESS + "/30", "dev", "matt-e2e-h");
        mustIp("link", "set", "matt-e2e-h", "up");
        mustIp("netns", "exec", NAMESPACE, "ip", "addr", "add", REMOTE_ADDRESS + "/30", "dev", "matt-e2e-r");
        mustIp("netns", "exec", NAMESPACE, "ip", "link", "set", "matt-e2e-r", "up");
        mustIp("netns", "exec", NAMESPACE, "ip", "link", "set", "lo", "up");
    }

    @AfterEach
    void removeIt() throws Exception {
        ip("netns", "del", NAMESPACE);
        ip("link", "del", "matt-e2e-h");
    }

    @Test
    void aRemoteClientCannotSetTheFirstPasswordALocalOneCan() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).start()) {
            List<String> remote = fromTheOtherHost(daemon.port, "daemonpass taken over from afar");
            assertThat(remote).hasSize(2);
            assertThat(remote.get(0)).startsWith("* Matt_daemon");
            assertThat(remote.get(1)).isEqualTo("-ERR DENIED the first password is set from this machine: "
                    + "connect from localhost or run Matt_daemon --set-password");
            assertThat(daemon.stateDir.resolve("password")).doesNotExist();
            daemon.awaitLogContaining("Client connected: " + REMOTE_ADDRESS + ":");

            assertThat(daemon.request("daemonpass set from this machine")).containsExactly("+OK protection on");
        }
    }

    /** Connects from the other host with bash's /dev/tcp, sends one line, returns the greeting and the reply. */
    private static List<String> fromTheOtherHost(int port, String line) throws Exception {
        String script = "exec 3<>/dev/tcp/" + HOST_ADDRESS + "/" + port + " || exit 3\n"
                + "IFS= read -r greeting <&3; printf '%s\\n' \"$greeting\"\n"
                + "printf '%s\\n' \"$1\" >&3\n"
                + "IFS= read -r reply <&3; printf '%s\\n' \"$reply\"\n";
        Process p = new ProcessBuilder("ip", "netns", "exec", NAMESPACE, "timeout", "20", "bash", "-c", script, "client", line)
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    private static void mustIp(String... args) throws Exception {
        int exit = ip(args);
        if (exit != 0) {
            throw new IOException("ip " + String.join(" ", args) + " failed with " + exit);
        }
    }

    private static int ip(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "ip";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}

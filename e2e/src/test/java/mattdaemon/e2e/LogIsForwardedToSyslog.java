package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every log line also reaches a real rsyslog over TCP as RFC 5424, in order, with the configured
 * facility, its severity, this host's name and the app name; a collector that goes away costs
 * nothing while it is gone, and what was logged meanwhile arrives once it is back.
 */
class LogIsForwardedToSyslog {
    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");

    @TempDir
    Path dir;
    private Process rsyslog;
    private int collectorPort;
    /** The collector's certificates when it listens with TLS, else null. */
    private Path tls;

    @AfterEach
    void stopCollector() throws InterruptedException {
        stopRsyslog();
    }

    @Test
    void linesArriveInOrderAndSurviveACollectorRestart() throws Exception {
        collectorPort = DaemonUnderTest.freePort();
        startRsyslog();
        Path config = writeConfig(10_000);
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).with("--config", config.toString()).start();
             TestClient client = daemon.connect()) {
            client.greeting();
            send(client, 1, 20);
            awaitForwarded("forward-20");

            stopRsyslog();
            Instant before = Instant.now();
            send(client, 21, 60);  // every reply comes at once: nothing waits for the collector
            assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
            daemon.awaitLogContaining("User input: forward-60");
            startRsyslog();
            send(client, 61, 80);
            awaitForwarded("forward-80");
            daemon.awaitLogContaining("Syslog forwarding: reconnected to tcp://127.0.0.1:" + collectorPort + ".");
        }
        awaitForwarded("Quitting.");
        List<String> received = Files.readAllLines(dir.resolve("collector/out.log"));
        List<String> userLines = received.stream().filter(l -> l.contains("User input: forward-")).toList();
        String host = InetAddress.getLocalHost().getCanonicalHostName();
        if (host.startsWith("localhost")) {
            host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        }
        String hostname = host;
        List<String> expected = IntStream.rangeClosed(1, 80)
                .mapToObj(i -> "local3 notice " + hostname + " Matt_daemon User input: forward-" + i).toList();
        assertThat(userLines).containsExactlyElementsOf(expected);
        assertThat(received).anyMatch(l -> l.equals("local3 info " + hostname + " Matt_daemon Started."));
        // the daemon stops cleanly with the collector up: its last lines are sent too
        assertThat(received.getLast()).isEqualTo("local3 info " + hostname + " Matt_daemon Quitting.");
    }

    @Test
    void aFullQueueDropsAndCountsWithoutSlowingIntake() throws Exception {
        collectorPort = DaemonUnderTest.freePort();
        Path config = writeConfig(20);
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).with("--config", config.toString()).start();
             TestClient client = daemon.connect()) {
            client.greeting();
            daemon.awaitLogContaining("Syslog forwarding: tcp://127.0.0.1:" + collectorPort + " unreachable");
            Instant before = Instant.now();
            send(client, 1, 500);
            assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));
            daemon.awaitLogContaining("User input: forward-500");
            startRsyslog();
            String line = daemon.awaitLog(l -> l.contains("Syslog forwarding: connected to"), Duration.ofSeconds(30));
            assertThat(line).containsPattern("; [1-9][0-9]* lines were dropped while it could not keep up\\.$");
            send(client, 501, 501);
            awaitForwarded("forward-501");
        }
        List<Integer> forwarded = Files.readAllLines(dir.resolve("collector/out.log")).stream()
                .filter(l -> l.contains("User input: forward-"))
                .map(l -> Integer.parseInt(l.substring(l.lastIndexOf('-') + 1))).toList();
        assertThat(forwarded).isSorted().contains(501).hasSizeLessThan(501);
    }

    @Test
    void linesArriveOverTlsCheckedAgainstTheCollectorsCertificate() throws Exception {
        collectorPort = DaemonUnderTest.freePort();
        Path pki = Files.createDirectories(dir.resolve("pki"));
        makeCertificates(pki);
        tls = pki;
        startRsyslog();
        Path config = Files.writeString(writeConfig(10_000), """
                syslog_tls = true
                syslog_tls_ca_file = %s
                """.formatted(pki.resolve("ca.pem")), java.nio.file.StandardOpenOption.APPEND);
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir).with("--config", config.toString()).start();
             TestClient client = daemon.connect()) {
            client.greeting();
            send(client, 1, 30);
            awaitForwarded("forward-30");
            daemon.awaitLogContaining("Syslog forwarding: connected to tls://127.0.0.1:" + collectorPort + ".");
        }
        List<String> userLines = Files.readAllLines(dir.resolve("collector/out.log")).stream()
                .filter(l -> l.contains("User input: forward-")).toList();
        assertThat(userLines).hasSize(30).allMatch(l -> l.startsWith("local3 notice "));
        assertThat(userLines.getLast()).endsWith(" Matt_daemon User input: forward-30");
    }

    /** A CA and the collector's certificate for 127.0.0.1, made with openssl. */
    private static void makeCertificates(Path pki) throws Exception {
        run(pki, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=test collector CA",
                "-keyout", "ca.key", "-out", "ca.pem");
        run(pki, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                "-keyout", "key.pem", "-out", "cert.csr");
        Files.writeString(pki.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        run(pki, "openssl", "x509", "-req", "-in", "cert.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-extfile", "san.ext", "-out", "cert.pem");
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    }

    private Path writeConfig(int queueLines) throws IOException {
        return Files.writeString(dir.resolve("matt_daemon.conf"), """
                syslog_host = 127.0.0.1
                syslog_port = %d
                syslog_facility = local3
                syslog_queue_lines = %d
                """.formatted(collectorPort, queueLines));
    }

    private static void send(TestClient client, int from, int to) throws IOException {
        for (int i = from; i <= to; i++) {
            assertThat(client.request("forward-" + i)).containsExactly("+OK logged");
        }
    }

    /** rsyslogd in the foreground, with its own configuration, pid file and work folder. */
    private void startRsyslog() throws IOException, InterruptedException {
        Path collector = Files.createDirectories(dir.resolve("collector"));
        Files.createDirectories(collector.resolve("work"));
        String global = tls == null ? "" : (" defaultNetstreamDriver=\"gtls\" defaultNetstreamDriverCAFile=\"%1$s/ca.pem\""
                + " defaultNetstreamDriverCertFile=\"%1$s/cert.pem\" defaultNetstreamDriverKeyFile=\"%1$s/key.pem\"").formatted(tls);
        String driver = tls == null ? "" : " streamDriver.name=\"gtls\" streamDriver.mode=\"1\" streamDriver.authMode=\"anon\"";
        Path conf = Files.writeString(collector.resolve("rsyslog.conf"), """
                global(workDirectory="%1$s/work"%3$s)
                module(load="imtcp"%4$s)
                input(type="imtcp" address="127.0.0.1" port="%2$d")
                template(name="fields" type="string"
                         string="%%syslogfacility-text%% %%syslogseverity-text%% %%hostname%% %%app-name%% %%msg%%\\n")
                *.* action(type="omfile" file="%1$s/out.log" template="fields")
                """.formatted(collector, collectorPort, global, driver));
        rsyslog = new ProcessBuilder(RSYSLOGD.toString(), "-n", "-f", conf.toString(),
                "-i", collector.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(collector.resolve("rsyslogd.out").toFile()).start();
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", collectorPort)) {
                return;
            } catch (IOException e) {
                assertThat(rsyslog.isAlive()).as("rsyslogd: " + Files.readString(collector.resolve("rsyslogd.out"))).isTrue();
                assertThat(Instant.now()).isBefore(deadline);
                Thread.sleep(50);
            }
        }
    }

    private void stopRsyslog() throws InterruptedException {
        if (rsyslog != null) {
            rsyslog.destroy();
            if (!rsyslog.waitFor(20, TimeUnit.SECONDS)) {
                rsyslog.destroyForcibly().waitFor();
            }
            rsyslog = null;
        }
    }

    private void awaitForwarded(String text) throws IOException, InterruptedException {
        Path out = dir.resolve("collector/out.log");
        Instant deadline = Instant.now().plusSeconds(30);
        while (!(Files.exists(out) && Files.readString(out).contains(text + "\n"))) {
            assertThat(Instant.now()).as("waiting for " + text + " at the collector").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}

package mattdaemon.core.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.Rfc5424Layout;
import org.apache.logging.log4j.core.net.Facility;
import org.apache.logging.log4j.core.net.Severity;
import org.apache.logging.log4j.core.util.NetUtils;

/**
 * Sends every log line also to a central syslog collector, as RFC 5424 messages over TCP with
 * octet-counting framing (RFC 6587), or over TLS (RFC 5425). The local file stays the
 * authoritative copy; forwarding never blocks or slows whoever logs.
 * <p>
 * Log4j2's {@link Rfc5424Layout} formats the messages. The transport is this appender and not
 * Log4j2's Socket/Syslog appender, because Log4j2's TCP manager silently drops every line once
 * a write has failed until its reconnector thread succeeds: lines logged while the collector is
 * down would be lost. Here the caller only formats the line and offers it to a bounded queue (a
 * full queue drops the line and counts it); one sender thread writes the queue out, checks
 * before each write that the collector has not closed the connection, keeps what it could not
 * send and sends it after reconnecting, then logs how many lines the full queue dropped.
 */
public final class SyslogForwarding extends AbstractAppender {
    /** Configuration key: the collector's host name; forwarding is off without it. */
    public static final String HOST = "syslog_host";
    /** Configuration key: the collector's TCP port. */
    public static final String PORT = "syslog_port";
    /** Configuration key: true to speak TLS (RFC 5425). */
    public static final String TLS = "syslog_tls";
    /** Configuration key: PEM file of the CA(s) to trust for TLS (default: the runtime's CAs). */
    public static final String TLS_CA = "syslog_tls_ca_file";
    /** Configuration key: lines held while the collector is slow or down. */
    public static final String QUEUE = "syslog_queue_lines";
    /** Configuration key: the syslog facility name (daemon, local0, ...). */
    public static final String FACILITY = "syslog_facility";
    /** Every configuration key, in the order the shipped configuration file lists them. */
    public static final List<String> KEYS = List.of(HOST, PORT, TLS, TLS_CA, QUEUE, FACILITY);
    /** The APP-NAME of every message. */
    public static final String APP_NAME = "Matt_daemon";

    private static final long RECONNECT_DELAY_MILLIS = 1000;
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;
    private static final long DRAIN_AT_STOP_MILLIS = 2000;
    private static final int BATCH_LINES = 512;

    /**
     * Where and how to forward.
     *
     * @param host       collector host name
     * @param port       collector TCP port
     * @param tls        TLS with host name verification
     * @param caFile     CAs trusted for TLS, or null for the runtime's default trust store
     * @param queueLines bound of the queue
     * @param facility   syslog facility of every message
     */
    public record Target(String host, int port, boolean tls, Path caFile, int queueLines, Facility facility) {
        /** Checks ranges. */
        public Target {
            if (host.isBlank()) {
                throw new IllegalArgumentException(HOST + " is empty");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(PORT + " out of range: " + port);
            }
            if (queueLines < 1) {
                throw new IllegalArgumentException(QUEUE + " must be at least 1: " + queueLines);
            }
        }

        /**
         * The target the {@code syslog_*} configuration keys describe; empty when
         * {@code syslog_host} is not set.
         *
         * @throws IllegalArgumentException on a bad value, naming the key
         */
        public static Optional<Target> from(Map<String, String> settings) {
            String host = settings.getOrDefault(HOST, "").strip();
            if (host.isEmpty()) {
                return Optional.empty();
            }
            boolean tls = switch (settings.getOrDefault(TLS, "false").strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw new IllegalArgumentException(TLS + " is not true or false: " + settings.get(TLS));
            };
            String ca = settings.getOrDefault(TLS_CA, "").strip();
            String facilityName = settings.getOrDefault(FACILITY, "daemon").strip();
            Facility facility = Facility.toFacility(facilityName.toUpperCase(Locale.ROOT), null);
            if (facility == null) {
                throw new IllegalArgumentException(FACILITY + " is not a syslog facility: " + facilityName);
            }
            return Optional.of(new Target(host, number(settings, PORT, tls ? 6514 : 514), tls,
                    ca.isEmpty() ? null : Path.of(ca), number(settings, QUEUE, 10_000), facility));
        }

        private static int number(Map<String, String> settings, String key, int fallback) {
            String text = settings.getOrDefault(key, "").strip();
            try {
                return text.isEmpty() ? fallback : Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " is not a number: " + text);
            }
        }

        @Override
        public String toString() {
            return (tls ? "tls://" : "tcp://") + host + ":" + port;
        }
    }

    private final Target target;
    private final DaemonLog log;
    private final ArrayBlockingQueue<byte[]> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final SSLContext tlsContext;
    private final Thread sender;
    private final String hostname = hostname();
    private volatile boolean stopping;
    private Socket socket;

    private SyslogForwarding(Target target, Rfc5424Layout layout, DaemonLog log) throws IOException {
        super("syslog", null, layout, true, Property.EMPTY_ARRAY);
        this.target = target;
        this.log = log;
        this.queue = new ArrayBlockingQueue<>(target.queueLines());
        this.tlsContext = target.tls() ? tlsContext(target.caFile()) : null;
        this.sender = Thread.ofPlatform().daemon().name("syslog-forward").unstarted(this::sendLoop);
    }

    /**
     * Adds forwarding to {@code target} to the running {@code context}: from now on every event
     * logged through it is also queued for the collector. What forwarding itself has to say
     * (connected, unreachable, lines dropped) goes to {@code log}.
     *
     * @throws IOException when the TLS trust file cannot be read
     */
    static void attach(LoggerContext context, DaemonLog log, Target target) throws IOException {
        Configuration config = context.getConfiguration();
        Rfc5424Layout layout = Rfc5424Layout.newBuilder()
                .setConfiguration(config)
                .setFacility(target.facility())
                .setAppName(APP_NAME)
                .setIncludeMDC(false)
                .setNewLine(false)
                .build();
        SyslogForwarding appender = new SyslogForwarding(target, layout, log);
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
    }

    @Override
    public void start() {
        super.start();
        sender.start();
    }

    /** On the logging thread: formats and queues, never waits. */
    @Override
    public void append(LogEvent event) {
        if (!queue.offer(frame(event))) {
            dropped.incrementAndGet();
        }
    }

    /**
     * Log4j2's RFC 5424 message with two header fields set here, framed by octet counting
     * (RFC 6587/5425). PRI: Log4j2 maps the custom LOG level (client messages) to WARNING; they
     * are notices. HOSTNAME: Log4j2 takes the canonical name, which is "localhost" wherever
     * /etc/hosts lists that name first for the host's address; the kernel's host name is then
     * the one a collector can tell machines apart by.
     */
    private byte[] frame(LogEvent event) {
        String message = ((Rfc5424Layout) getLayout()).toSerializable(event);
        int version = message.indexOf('>') + 1;
        int timestampEnd = message.indexOf(' ', version + 2);
        int hostEnd = message.indexOf(' ', timestampEnd + 1);
        String fixed = "<" + (target.facility().getCode() * 8 + severity(event)) + ">"
                + message.substring(version, timestampEnd + 1) + hostname + message.substring(hostEnd);
        byte[] bytes = fixed.getBytes(StandardCharsets.UTF_8);
        byte[] length = (bytes.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = Arrays.copyOf(length, length.length + bytes.length);
        System.arraycopy(bytes, 0, framed, length.length, bytes.length);
        return framed;
    }

    private static int severity(LogEvent event) {
        return event.getLevel() == DaemonLog.LOG_LEVEL ? 5 : Severity.getSeverity(event.getLevel()).getCode();
    }

    /** The host's canonical name, or the kernel's host name when that is only "localhost". */
    private static String hostname() {
        String canonical = NetUtils.getCanonicalLocalHostname();
        if (canonical != null && !canonical.startsWith("localhost")) {
            return canonical;
        }
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return NetUtils.getLocalHostname();
        }
    }

    private void sendLoop() {
        List<byte[]> batch = new ArrayList<>(BATCH_LINES);
        boolean everConnected = false;
        boolean reportedDown = false;
        while (!(stopping && queue.isEmpty() && batch.isEmpty())) {
            try {
                if (batch.isEmpty()) {
                    byte[] first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH_LINES - 1);
                }
                if (socket == null || peerClosed()) {
                    disconnect();
                    socket = connect();
                    long lost = dropped.getAndSet(0);
                    log.info("Syslog forwarding: " + (everConnected ? "reconnected to " : "connected to ") + target
                            + (lost > 0 ? "; " + lost + " lines were dropped while it could not keep up." : "."));
                    everConnected = true;
                    reportedDown = false;
                }
                OutputStream out = socket.getOutputStream();
                for (byte[] line : batch) {
                    out.write(line);
                }
                out.flush();
                batch.clear();
            } catch (InterruptedException e) {
                break;
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                // the batch is kept and sent again once the collector is back
                if (!reportedDown) {
                    log.error("Syslog forwarding: " + target + " unreachable (" + e.getMessage()
                            + "); up to " + target.queueLines() + " lines are queued until it is back.");
                    reportedDown = true;
                }
                disconnect();
                if (stopping) {
                    break;
                }
                try {
                    Thread.sleep(RECONNECT_DELAY_MILLIS);
                } catch (InterruptedException interrupted) {
                    break;
                }
            }
        }
        disconnect();
    }

    /**
     * Whether the collector closed the connection. A syslog collector never sends anything, so a
     * readable end of stream means it is gone; without this check the first line written after
     * it went would vanish into the closed socket.
     */
    private boolean peerClosed() {
        try {
            socket.setSoTimeout(1);
            InputStream in = socket.getInputStream();
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private Socket connect() throws IOException, GeneralSecurityException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(target.host(), target.port()), CONNECT_TIMEOUT_MILLIS);
            plain.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            if (tlsContext == null) {
                return plain;
            }
            SSLSocket tls = (SSLSocket) tlsContext.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken connection: nothing left to do
            }
            socket = null;
        }
    }

    private static SSLContext tlsContext(Path caFile) throws IOException {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (caFile == null) {
                trust.init((KeyStore) null);
            } else {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                try (InputStream in = Files.newInputStream(caFile)) {
                    int i = 0;
                    for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        store.setCertificateEntry("ca" + i++, ca);
                    }
                }
                trust.init(store);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use " + TLS_CA + " " + caFile + ": " + e.getMessage(), e);
        }
    }

    /** Sends what is queued for up to {@value #DRAIN_AT_STOP_MILLIS} ms, then closes. */
    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        setStopping();
        stopping = true;
        try {
            sender.join(DRAIN_AT_STOP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.interrupt();
        setStopped();
        return true;
    }
}

package mattdaemon.core.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import mattdaemon.api.DaemonEvent;
import mattdaemon.api.LineCodec;
import mattdaemon.api.Reply;
import mattdaemon.api.Session;
import mattdaemon.core.Version;
import mattdaemon.core.auth.AuthState;
import mattdaemon.core.log.DaemonLog;
import mattdaemon.core.log.LogText;
import mattdaemon.core.log.Utf8;
import mattdaemon.core.protocol.LineReader;
import mattdaemon.core.protocol.ReplyWriter;

/**
 * One client connection: reads request lines, answers each with exactly one reply, in order.
 * Replies are flushed only when no further request is already waiting, so pipelined input is
 * answered in few packets. Every failure ends as a reply or a log line, never a silent drop.
 * <p>
 * Changes a request asks for (codec, TLS, closing, shutdown) take effect once its reply is out.
 */
final class ClientSession implements Session, Runnable {
    private static final Duration TLS_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration NOTICE_WAIT = Duration.ofSeconds(1);

    private final long id;
    private final String peer;
    private final ClientSlots slots;
    private final DaemonLog log;
    private final RequestHandler handler;
    private final EventBus events;
    private final SessionLimits limits;
    private final Security security;
    private final AuthState auth = new AuthState();
    private final Instant connectedAt = Instant.now();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Socket socket;
    private InputStream in;
    private LineReader reader;
    private volatile ReplyWriter writer;
    private volatile WatchedOutputStream output;
    private volatile boolean closing;
    private LineCodec pendingCodec;
    private boolean pendingTls;
    private String pendingClose;
    private String pendingShutdown;

    ClientSession(long id, Socket socket, ClientSlots slots, DaemonLog log, RequestHandler handler,
                  EventBus events, SessionLimits limits, Security security) {
        this.id = id;
        this.socket = socket;
        this.peer = peerOf(socket);
        this.slots = slots;
        this.log = log;
        this.handler = handler;
        this.events = events;
        this.limits = limits;
        this.security = security;
    }

    static String peerOf(Socket socket) {
        return socket.getRemoteSocketAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() + ":" + a.getPort()
                : String.valueOf(socket.getRemoteSocketAddress());
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String peer() {
        return peer;
    }

    @Override
    public LineCodec codec() {
        return writer.codec();
    }

    @Override
    public void useCodec(LineCodec codec) {
        pendingCodec = codec;
    }

    AuthState auth() {
        return auth;
    }

    Security security() {
        return security;
    }

    boolean secure() {
        return socket instanceof SSLSocket;
    }

    /** Whether this session must still prove it knows the password. */
    boolean mustAuthenticate() {
        return security.protection().enabled() && !auth.authenticated();
    }

    void shutdownAfterReply(String reason) {
        pendingShutdown = reason;
    }

    void startTlsAfterReply() {
        pendingTls = true;
    }

    void closeAfterReply(String reason) {
        pendingClose = reason;
    }

    @Override
    public void run() {
        log.info("Client connected: " + peer + " (session " + id + ", " + slots.count() + "/" + slots.max() + ").");
        events.publish(new DaemonEvent.ClientConnected(Instant.now(), peer));
        try {
            socket.setTcpNoDelay(true);
            useStreams(socket);
            writer.notice(greeting());
            serve();
        } catch (SocketTimeoutException e) {
            String why = mustAuthenticate() ? "authentication timeout" : "idle timeout";
            log.info("Client " + peer + " (session " + id + ") closed: " + why + ".");
            notice(why + ", closing");
        } catch (IOException e) {
            if (!closing) {
                log.info("Client " + peer + " (session " + id + ") connection lost: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            log.error("Session " + id + " failed", e);
        } finally {
            closeSocket();
            slots.release(id);
            log.info("Client disconnected: " + peer + " (session " + id + ").");
            events.publish(new DaemonEvent.ClientDisconnected(Instant.now(), peer));
            ended.countDown();
        }
    }

    private String greeting() {
        StringBuilder text = new StringBuilder("Matt_daemon " + Version.CURRENT + " ready");
        if (security.tlsRequired()) {
            text.append(", TLS required");
        }
        if (security.protection().enabled()) {
            text.append(", password required");
        }
        return text.toString();
    }

    private void useStreams(Socket current) throws IOException {
        in = current.getInputStream();
        reader = new LineReader(in, limits.maxLineBytes());
        ReplyWriter previous = writer;
        output = new WatchedOutputStream(current.getOutputStream());
        // log hook: replies go out only once this session's logged lines are written
        writer = new ReplyWriter(new BufferedOutputStream(log.acknowledging(output), 16 * 1024));
        if (previous != null) {
            writer.useCodec(previous.codec());
        }
    }

    private void serve() throws IOException {
        while (!closing) {
            if (!reader.hasBuffered() && in.available() == 0) {
                writer.flush();
            }
            socket.setSoTimeout(readTimeoutMillis());
            switch (reader.next()) {
                case LineReader.Input.End end -> {
                    writer.flush();
                    return;
                }
                case LineReader.Input.TooLong tooLong -> writer.reply(refuseLongLine(tooLong.length()));
                case LineReader.Input.Line line -> writer.reply(answer(line.bytes()));
            }
            if (applyPendingChanges()) {
                return;
            }
        }
    }

    /** The idle limit, or what is left of the authentication grace time when that is shorter. */
    private int readTimeoutMillis() {
        Duration limit = limits.idleTimeout();
        if (mustAuthenticate()) {
            Duration grace = limits.authGrace().minus(Duration.between(connectedAt, Instant.now()));
            limit = grace.compareTo(limit) < 0 ? grace : limit;
        }
        return (int) Math.clamp(limit.toMillis(), 1, Integer.MAX_VALUE);
    }

    private Reply refuseLongLine(long length) {
        log.error("Client " + peer + " (session " + id + "): line of " + length + " bytes discarded, over the "
                + limits.maxLineBytes() + "-byte limit.");
        return Reply.error("TOOLONG", "line of " + length + " bytes discarded: the limit is "
                + limits.maxLineBytes() + " bytes");
    }

    private Reply answer(byte[] bytes) {
        if (!Utf8.isValid(bytes, 0, bytes.length)) {
            if (mustAuthenticate()) {
                return handler.refuseUnauthenticated(this);
            }
            return log.userInput(LogText.escapeUtf8(bytes, 0, bytes.length))
                    .map(refused -> Reply.error("LOGFULL", refused))
                    .orElse(Reply.error("ENCODING", "line is not valid UTF-8; logged with \\xNN escapes"));
        }
        String wire = new String(bytes, StandardCharsets.UTF_8);
        String text;
        try {
            text = writer.codec().decode(wire);
        } catch (IllegalArgumentException e) {
            log.error("Client " + peer + " (session " + id + "): undecodable " + writer.codec().name()
                    + " line: " + LogText.escape(wire));
            return Reply.error("CODEC", "line is not valid " + writer.codec().name() + ": " + e.getMessage());
        }
        return handler.handle(this, text);
    }

    /** Applies what the last request asked for; returns true when the session must end. */
    private boolean applyPendingChanges() throws IOException {
        if (pendingCodec != null) {
            writer.flush();
            writer.useCodec(pendingCodec);
            pendingCodec = null;
        }
        if (pendingTls) {
            pendingTls = false;
            writer.flush();
            upgradeToTls();
        }
        if (pendingShutdown != null) {
            writer.flush();
            handler.shutdown().request(pendingShutdown);
            pendingShutdown = null;
        }
        if (pendingClose != null) {
            writer.flush();
            log.info("Client " + peer + " (session " + id + ") closed: " + pendingClose + ".");
            return true;
        }
        return false;
    }

    /**
     * Wraps the connection in TLS. Lines the reader already holds arrived after {@code starttls}
     * but before the handshake, in plaintext: they are discarded, never executed as if
     * protected. Bytes still in the socket are the client's handshake, or garbage that fails it.
     */
    private void upgradeToTls() throws IOException {
        if (reader.hasBuffered()) {
            log.error("Client " + peer + " (session " + id + "): plaintext sent after starttls discarded.");
        }
        SSLContext context;
        try {
            context = security.tls().join().context();
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("TLS unavailable: " + e.getMessage(), e);
        }
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
        tls.setUseClientMode(false);
        tls.setEnabledProtocols(new String[] {"TLSv1.3"});
        tls.setSoTimeout((int) TLS_HANDSHAKE_TIMEOUT.toMillis());
        tls.startHandshake();
        socket = tls;
        useStreams(tls);
        log.info("Client " + peer + " (session " + id + ") now uses " + tls.getSession().getProtocol() + ".");
    }

    /**
     * Closes the session when a write to the client has been blocked longer than the idle
     * limit: the client stopped reading its replies and would otherwise keep its slot forever.
     */
    void closeIfStuck() {
        WatchedOutputStream current = output;
        if (current != null && current.blockedNanos() > limits.idleTimeout().toNanos()) {
            log.info("Client " + peer + " (session " + id + ") closed: it stopped reading its replies.");
            closing = true;
            closeSocket();
        }
    }

    /** Sends a notice; a client that is gone is simply skipped. */
    void notice(String text) {
        ReplyWriter w = writer;
        if (w == null) {
            return;
        }
        try {
            w.notice(text);
        } catch (IOException e) {
            // the session's own thread notices the broken connection and ends the session
        }
    }

    /**
     * Tells the client, then closes. A client that stopped reading could block the notice
     * forever, so it gets a second to take it before the socket is closed anyway.
     */
    void closeWithNotice(String text) {
        Thread sender = Thread.ofVirtual().name("notice-" + id).start(() -> notice(text));
        try {
            sender.join(NOTICE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // only now: a session loop that saw the flag earlier would close before the notice is out
        closing = true;
        closeSocket();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is best effort
        }
    }

    void awaitEnd(Duration timeout) throws InterruptedException {
        ended.await(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }
}

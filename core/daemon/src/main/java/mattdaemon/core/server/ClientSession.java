package mattdaemon.core.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import mattdaemon.api.DaemonEvent;
import mattdaemon.api.LineCodec;
import mattdaemon.core.Version;
import mattdaemon.core.auth.AuthState;
import mattdaemon.core.log.SessionLog;
import mattdaemon.core.protocol.ReplyWriter;
import mattdaemon.core.protocol.Request;
import mattdaemon.core.protocol.RequestDecoder;
import mattdaemon.core.request.Caller;
import mattdaemon.core.request.Outcome;
import mattdaemon.core.request.SessionChange;

/**
 * One client connection, one way through: read a request, hand it to the handler, write the
 * reply, apply the changes the outcome asks for. Replies are flushed only when no further request
 * is already waiting, so pipelined input is answered in few packets. Every failure ends as a
 * reply or a log line, never a silent drop.
 */
final class ClientSession implements Caller, Runnable {
    private static final Duration TLS_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration NOTICE_WAIT = Duration.ofSeconds(1);

    private final long id;
    private final String peer;
    private final SessionServices services;
    private final SessionLog log;
    private final AuthState auth = new AuthState();
    private final Instant connectedAt = Instant.now();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Socket socket;
    private RequestDecoder decoder;
    private volatile ReplyWriter writer;
    private volatile WatchedOutputStream output;
    private volatile boolean closing;

    ClientSession(long id, Socket socket, SessionServices services) {
        this.id = id;
        this.socket = socket;
        this.peer = peerOf(socket);
        this.services = services;
        this.log = new SessionLog(services.log(), peer, id);
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
    public boolean secure() {
        return socket instanceof SSLSocket;
    }

    @Override
    public AuthState auth() {
        return auth;
    }

    @Override
    public SessionLog log() {
        return log;
    }

    @Override
    public void run() {
        log.connected(services.slots().count(), services.slots().max());
        services.events().publish(new DaemonEvent.ClientConnected(Instant.now(), peer));
        try {
            socket.setTcpNoDelay(true);
            useStreams(socket);
            writer.notice(greeting());
            serve();
        } catch (SocketTimeoutException e) {
            String why = services.policy().mustAuthenticate(this) ? "authentication timeout" : "idle timeout";
            log.info("closed: " + why + ".");
            notice(why + ", closing");
        } catch (IOException e) {
            if (!closing) {
                log.info("connection lost: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            services.log().error("Session " + id + " failed", e);
        } finally {
            closeSocket();
            services.slots().release(id);
            log.disconnected();
            services.events().publish(new DaemonEvent.ClientDisconnected(Instant.now(), peer));
            ended.countDown();
        }
    }

    private String greeting() {
        StringBuilder text = new StringBuilder("Matt_daemon " + Version.CURRENT + " ready");
        if (services.policy().tlsRequired()) {
            text.append(", TLS required");
        }
        if (services.policy().protection().enabled()) {
            text.append(", password required");
        }
        return text.toString();
    }

    private void useStreams(Socket current) throws IOException {
        decoder = new RequestDecoder(current.getInputStream(), services.limits().maxLineBytes());
        ReplyWriter previous = writer;
        output = new WatchedOutputStream(current.getOutputStream());
        writer = new ReplyWriter(new BufferedOutputStream(output, 16 * 1024));
        if (previous != null) {
            writer.useCodec(previous.codec());
        }
    }

    /** Read, handle, write, apply, until the client leaves or a change ends the session. */
    private void serve() throws IOException {
        while (!closing) {
            if (!decoder.moreWaiting()) {
                writer.flush();
            }
            socket.setSoTimeout(readTimeoutMillis());
            Optional<Request> request = decoder.next(writer.codec());
            if (request.isEmpty()) {
                writer.flush();
                return;
            }
            Outcome outcome = services.handler().handle(this, request.get());
            writer.reply(outcome.reply());
            if (apply(outcome.changes())) {
                return;
            }
        }
    }

    /** The idle limit, or what is left of the authentication grace time when that is shorter. */
    private int readTimeoutMillis() {
        Duration limit = services.limits().idleTimeout();
        if (services.policy().mustAuthenticate(this)) {
            Duration grace = services.limits().authGrace().minus(Duration.between(connectedAt, Instant.now()));
            limit = grace.compareTo(limit) < 0 ? grace : limit;
        }
        return (int) Math.clamp(limit.toMillis(), 1, Integer.MAX_VALUE);
    }

    /** Applies a request's changes once its reply is out; returns true when the session must end. */
    private boolean apply(List<SessionChange> changes) throws IOException {
        for (SessionChange change : changes) {
            writer.flush();
            switch (change) {
                case SessionChange.UseCodec use -> writer.useCodec(use.codec());
                case SessionChange.StartTls start -> upgradeToTls();
                case SessionChange.Shutdown shutdown -> services.shutdown().request(shutdown.reason());
                case SessionChange.Close close -> {
                    log.info("closed: " + close.reason() + ".");
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Wraps the connection in TLS. Lines the reader already holds arrived after {@code starttls}
     * but before the handshake, in plaintext: they are discarded, never executed as if
     * protected. Bytes still in the socket are the client's handshake, or garbage that fails it.
     */
    private void upgradeToTls() throws IOException {
        if (decoder.hasBuffered()) {
            log.error("had plaintext sent after starttls discarded.");
        }
        SSLContext context;
        try {
            context = services.policy().tls().join().context();
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
        log.info("now uses " + tls.getSession().getProtocol() + ".");
    }

    /**
     * Closes the session when a write to the client has been blocked longer than the idle
     * limit: the client stopped reading its replies and would otherwise keep its slot forever.
     */
    void closeIfStuck() {
        WatchedOutputStream current = output;
        if (current != null && current.blockedNanos() > services.limits().idleTimeout().toNanos()) {
            log.info("closed: it stopped reading its replies.");
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

package mattdaemon.core.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import mattdaemon.core.protocol.LineRun;
import mattdaemon.core.protocol.ReplyWriter;
import mattdaemon.core.protocol.Request;
import mattdaemon.core.protocol.RequestDecoder;
import mattdaemon.core.request.Caller;
import mattdaemon.core.request.Outcome;
import mattdaemon.core.request.RequestHandler;
import mattdaemon.core.request.SessionChange;
import mattdaemon.protocol.Greeting;
import mattdaemon.protocol.Notice;

/**
 * One client connection, one way through: read a request, hand it to the handler, write the
 * reply, apply the changes the outcome asks for. Replies are flushed only when no further request
 * is already waiting, so pipelined input is answered in few packets. Every failure ends as a
 * reply or a log line, never a silent drop.
 */
final class ClientSession implements Caller, Runnable {
    private static final Duration NOTICE_WAIT = Duration.ofSeconds(1);
    private static final int REPLY_BUFFER = 4 * 1024;

    private final long id;
    private final String peer;
    private final SessionServices services;
    private final SessionLog log;
    private final AuthState auth = new AuthState();
    private final Instant connectedAt = Instant.now();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Socket socket;
    private RequestDecoder decoder;
    private final LineRun run = new LineRun();
    private volatile ReplyWriter writer;
    private volatile WatchedOutputStream output;
    private volatile boolean closing;
    private final java.util.concurrent.atomic.AtomicBoolean ending = new java.util.concurrent.atomic.AtomicBoolean();
    /** Set while a request is handled: the client is then waiting for us, not idle. */
    private volatile boolean handling;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile long handshakeStartedNanos;

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
    public java.net.InetAddress address() {
        return socket.getInetAddress();
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
        return new Greeting(Version.CURRENT, services.policy().tlsRequired(), services.policy().protection().enabled())
                .text();
    }

    private void useStreams(Socket current) throws IOException {
        decoder = new RequestDecoder(current.getInputStream(), services.limits().maxLineBytes());
        ReplyWriter previous = writer;
        output = new WatchedOutputStream(current.getOutputStream());
        // replies go out only once the lines this session logged are written: an acknowledgement
        // means written. So the buffer also bounds how many of a flooding client's lines can be
        // waiting in the log ahead of another client's line: 4 KiB is 372 "+OK logged" replies.
        // (16 KiB: round trip p99 under a flood 0.9-1.4 ms; 4 KiB: 0.36-0.49 ms; bench/run)
        writer = new ReplyWriter(new BufferedOutputStream(services.log().acknowledging(output), REPLY_BUFFER));
        if (previous != null) {
            writer.useCodec(previous.codec());
        }
    }

    /** Read, handle, write, apply, until the client leaves or a change ends the session. */
    private void serve() throws IOException {
        while (!closing) {
            if (!decoder.moreWaiting()) {
                writer.flush();
                lastActivityNanos = System.nanoTime();
            }
            if (services.handler().takesRuns(this) && (logRun() || decoder.readMore())) {
                continue; // the next line may start a run too
            }
            Optional<Request> request = decoder.next(writer.codec());
            if (request.isEmpty()) {
                writer.flush();
                return;
            }
            handling = true;
            try {
                Outcome outcome = services.handler().handle(this, request.get());
                writer.reply(outcome.reply());
                if (apply(outcome.changes())) {
                    return;
                }
            } finally {
                lastActivityNanos = System.nanoTime();
                handling = false;
            }
        }
    }

    /**
     * Logs the messages at the head of what is already read in one step, for a session that
     * takes runs (see {@link RequestHandler#takesRuns}); false when the next line takes the full path.
     */
    private boolean logRun() throws IOException {
        RequestHandler handler = services.handler();
        if (decoder.takeRun(run, handler.commandWords()).size() == 0) {
            return false;
        }
        handling = true;
        try {
            RequestHandler.RunReplies replies = handler.logRun(this, run);
            writer.replyEach(RequestHandler.logged(), replies.logged());
            if (replies.logged() < run.size()) {
                writer.replyEach(replies.refusal(), run.size() - replies.logged());
            }
        } finally {
            lastActivityNanos = System.nanoTime();
            handling = false;
        }
        return true;
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
        handshakeStartedNanos = System.nanoTime() | 1;
        try {
            tls.startHandshake();
        } finally {
            handshakeStartedNanos = 0;
        }
        socket = tls;
        useStreams(tls);
        log.info("now uses " + tls.getSession().getProtocol() + ".");
    }

    /**
     * Ends the session when one of its deadlines has passed. Called about every quarter second
     * by the server's watchdog, because a read timeout restarts with every byte and a slow
     * client could hold its slot for ever: deadlines run from a fixed point instead.
     * <ul>
     * <li>a TLS handshake not done within the line timeout is closed without a word (plaintext
     *     would corrupt it);
     * <li>a write blocked past the idle limit: the client stopped reading its replies;
     * <li>the authentication grace runs from the connection, whatever the client sends;
     * <li>a line must be complete within the line timeout of its first byte;
     * <li>idle time counts from the last complete request or reply.
     * </ul>
     */
    void enforceDeadlines() {
        long now = System.nanoTime();
        SessionLimits limits = services.limits();
        long handshake = handshakeStartedNanos;
        WatchedOutputStream current = output;
        if (handshake != 0 && now - handshake > limits.lineTimeout().toNanos()) {
            end("TLS handshake not completed within " + limits.lineTimeout().toSeconds() + " s", null);
        } else if (current != null && current.blockedNanos() > limits.idleTimeout().toNanos()) {
            end("it stopped reading its replies", null);
        } else if (handshake != 0 || handling) {
            return; // the client waits for us, or the handshake has its own deadline
        } else if (services.policy().mustAuthenticate(this)
                && Duration.between(connectedAt, Instant.now()).compareTo(limits.authGrace()) > 0) {
            end("authentication timeout", Notice.closing("authentication timeout"));
        } else if (decoder != null && decoder.partialLineAgeNanos() > limits.lineTimeout().toNanos()) {
            String why = "line not completed within " + limits.lineTimeout().toSeconds() + " s";
            end(why, Notice.closing(why));
        } else if (decoder != null && decoder.partialLineAgeNanos() == 0
                && now - lastActivityNanos > limits.idleTimeout().toNanos()) {
            end("idle timeout", Notice.closing("idle timeout"));
        }
    }

    /** Logs why, tells the client when {@code notice} is given, and closes; once. */
    private void end(String why, String notice) {
        if (!ending.compareAndSet(false, true)) {
            return;
        }
        log.info("closed: " + why + ".");
        if (notice == null) {
            closing = true;
            closeSocket();
        } else {
            Thread.ofVirtual().name("deadline-" + id).start(() -> closeWithNotice(notice));
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

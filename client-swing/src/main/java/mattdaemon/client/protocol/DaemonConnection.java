package mattdaemon.client.protocol;

import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLSocket;

import mattdaemon.protocol.Greeting;
import mattdaemon.protocol.SessionChange;
import mattdaemon.protocol.Wire;

/**
 * An open session with a daemon. {@link #send} never blocks: lines are written in order by a
 * writer thread and may be pipelined; a reader thread matches each reply to the oldest
 * request waiting for one. A request that may change the wire ({@code daemoncrypt},
 * {@code starttls}) holds back later lines until its reply has been read and applied; what
 * changed is read from the reply ({@link SessionChange}), not guessed from the request.
 * Obtained from {@link Connector#connect}.
 */
public final class DaemonConnection implements AutoCloseable {
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private final LineChannel channel;
    private final String host;
    private final int port;
    private final Greeting greeting;
    private final CertificatePin pin;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("Ben_AFK-writer").factory());
    private final Deque<Pending> inFlight = new ArrayDeque<>();
    private final Deque<Pending> held = new ArrayDeque<>();
    private final List<String> earlyNotices = new ArrayList<>();
    private boolean barrier;
    private boolean closed;
    private Throwable closeCause;
    private ConnectionListener listener;
    private volatile SessionState state = SessionState.opened();

    /**
     * @param mayChange whether the reply may carry a session change ({@link SessionChange#mayChange})
     * @param barrier   whether later lines wait for the reply ({@link SessionChange#mayChangeWire})
     */
    private record Pending(String line, boolean mayChange, boolean barrier, CompletableFuture<Reply> reply) {
    }

    DaemonConnection(LineChannel channel, String host, int port, Greeting greeting, CertificatePin pin) {
        this.channel = channel;
        this.host = host;
        this.port = port;
        this.greeting = greeting;
        this.pin = pin;
    }

    void start() {
        Thread.ofPlatform().daemon().name("Ben_AFK-reader " + host + ":" + port).start(this::readLoop);
    }

    /** The greeting the daemon sent on connect. */
    public Greeting greeting() {
        return greeting;
    }

    /** Host name as given to the connector. */
    public String host() {
        return host;
    }

    /** TCP port. */
    public int port() {
        return port;
    }

    /** The certificate pin, holding the fingerprint seen once TLS is on. */
    public CertificatePin pin() {
        return pin;
    }

    /** The current state. */
    public SessionState state() {
        return state;
    }

    /**
     * Sets the one listener; notices that came before it, and an end that already happened,
     * are passed on at once.
     */
    public void listen(ConnectionListener next) {
        List<String> replay;
        boolean ended;
        Throwable cause;
        synchronized (this) {
            listener = next;
            replay = List.copyOf(earlyNotices);
            earlyNotices.clear();
            ended = closed;
            cause = closeCause;
        }
        replay.forEach(next::notice);
        if (ended) {
            next.stateChanged(state);
            next.closed(cause);
        }
    }

    /**
     * Sends one request line; the future completes with its reply, or exceptionally with a
     * {@link ConnectionClosedException} when the connection ends first.
     */
    public CompletableFuture<Reply> send(String line) {
        Pending pending = new Pending(line, SessionChange.mayChange(line), SessionChange.mayChangeWire(line),
                new CompletableFuture<>());
        synchronized (this) {
            if (closed) {
                pending.reply().completeExceptionally(new ConnectionClosedException("not connected", closeCause));
            } else if (barrier) {
                held.add(pending);
            } else {
                dispatch(pending);
            }
        }
        return pending.reply();
    }

    /** Queues the write; the caller holds the lock, so queue order is wire order. */
    private void dispatch(Pending pending) {
        inFlight.add(pending);
        barrier = pending.barrier();
        writer.execute(() -> {
            try {
                channel.writeLine(pending.line());
            } catch (IOException e) {
                channel.close();
            }
        });
    }

    private void readLoop() {
        Throwable cause = null;
        try {
            List<String> body = new ArrayList<>();
            String line;
            while ((line = channel.readLine()) != null) {
                if (Wire.isBody(line)) {
                    body.add(Wire.bodyText(line));
                } else if (Wire.isStatus(line)) {
                    complete(Reply.of(body, line));
                    body = new ArrayList<>();
                } else {
                    // "* text" notices, and anything else a newer daemon may send, are told as notices
                    notice(Wire.noticeText(line));
                }
            }
        } catch (SocketException e) {
            cause = closedByUs() ? null : e;
        } catch (IOException | RuntimeException e) {
            cause = e;
        } finally {
            ended(cause);
        }
    }

    private synchronized boolean closedByUs() {
        return closed;
    }

    private void complete(Reply reply) throws IOException {
        Pending pending;
        synchronized (this) {
            pending = inFlight.poll();
        }
        if (pending == null) {
            notice("reply without request: " + reply.statusLine());
            return;
        }
        try {
            if (pending.mayChange()) {
                apply(reply.change());
            }
        } catch (IOException e) {
            pending.reply().completeExceptionally(e);
            throw e;
        }
        pending.reply().complete(reply);
        if (pending.barrier()) {
            synchronized (this) {
                barrier = false;
                while (!barrier && !held.isEmpty()) {
                    dispatch(held.poll());
                }
            }
        }
    }

    /** Runs on the reader thread before the next line is read, so that line is read the new way. */
    private void apply(SessionChange change) throws IOException {
        switch (change) {
            case SessionChange.Authenticated a -> update(state.withAuthenticated());
            case SessionChange.UseBase64(boolean on) -> useCodec(on ? WireCodec.BASE64 : WireCodec.PLAIN);
            case SessionChange.StartTls t -> {
                SSLSocket tls = TlsUpgrade.over(channel.socket(), host, port, pin);
                tls.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
                channel.upgrade(tls);
                tls.setSoTimeout(0);
                update(state.withTls());
            }
            case SessionChange.None n -> {
            }
        }
    }

    private void useCodec(WireCodec codec) {
        channel.useCodec(codec);
        update(state.withCodec(codec));
    }

    private void update(SessionState next) {
        state = next;
        ConnectionListener l;
        synchronized (this) {
            l = listener;
        }
        if (l != null) {
            l.stateChanged(next);
        }
    }

    private void notice(String text) {
        ConnectionListener l;
        synchronized (this) {
            l = listener;
            if (l == null) {
                earlyNotices.add(text);
                return;
            }
        }
        l.notice(text);
    }

    private void ended(Throwable cause) {
        List<Pending> orphans = new ArrayList<>();
        ConnectionListener l;
        synchronized (this) {
            closed = true;
            closeCause = cause;
            orphans.addAll(inFlight);
            orphans.addAll(held);
            inFlight.clear();
            held.clear();
            l = listener;
        }
        channel.close();
        writer.shutdown();
        state = state.closed();
        String why = cause == null ? "the daemon closed the connection" : "connection lost: " + cause.getMessage();
        orphans.forEach(p -> p.reply().completeExceptionally(new ConnectionClosedException(why, cause)));
        if (l != null) {
            l.stateChanged(state);
            l.closed(cause);
        }
    }

    /** Whether the connection has ended. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Closes the connection; waiting requests fail with {@link ConnectionClosedException}. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        channel.close();
    }
}

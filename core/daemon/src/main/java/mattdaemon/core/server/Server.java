package mattdaemon.core.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import mattdaemon.api.DaemonEvent;
import mattdaemon.core.event.EventBus;
import mattdaemon.core.log.DaemonLog;
import mattdaemon.core.request.RequestHandler;
import mattdaemon.core.request.SecurityPolicy;
import mattdaemon.protocol.ErrorCode;
import mattdaemon.protocol.Notice;
import mattdaemon.protocol.Wire;

/**
 * Accepts clients on one platform thread and runs each session on a platform thread of its own.
 * Clients over the limit get {@code -ERR MAXCLIENTS} and are closed straight away.
 * <p>
 * Sessions are few ({@code max_clients}, at most 256) and not virtual threads: the kernel then
 * schedules each session as its own task, so a client sending one line at a time is woken ahead
 * of one that floods, which on virtual threads would share a carrier (and its CPU time) with it.
 */
public final class Server implements AutoCloseable {
    private static final Duration SESSION_DRAIN = Duration.ofSeconds(5);
    private static final Duration DEADLINE_CHECK = Duration.ofMillis(250);

    private final ServerSocket listener;
    private final ClientSlots slots;
    private final DaemonLog log;
    private final EventBus events;
    private final SessionLimits limits;
    private final SecurityPolicy policy;
    private SessionServices services;
    private Thread acceptThread;
    private Thread watchdog;
    private volatile boolean closing;

    private Server(ServerSocket listener, ClientSlots slots, DaemonLog log, EventBus events, SessionLimits limits,
                   SecurityPolicy policy) {
        this.policy = policy;
        this.listener = listener;
        this.slots = slots;
        this.log = log;
        this.events = events;
        this.limits = limits;
    }

    /**
     * Binds the port on {@code address} (null: every interface). Nothing is accepted before {@link #start}.
     *
     * @throws IOException when the port cannot be bound (taken, privileged, ...)
     */
    public static Server bind(java.net.InetAddress address, int port, int maxClients, SessionLimits limits,
                              SecurityPolicy policy, DaemonLog log, EventBus events) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(address, port), 128);
        } catch (IOException e) {
            listener.close();
            throw new IOException("Can't bind port " + port + ": " + e.getMessage(), e);
        }
        return new Server(listener, new ClientSlots(maxClients), log, events, limits, policy);
    }

    /** The bound port (useful when 0 asked for any). */
    public int port() {
        return listener.getLocalPort();
    }

    /** Sessions connected now. */
    public int clients() {
        return slots.count();
    }

    /** The client limit. */
    public int maxClients() {
        return slots.max();
    }

    /** Starts the accept loop; every session answers through {@code requests}, and asks {@code shutdown} to stop. */
    public void start(RequestHandler requests, ShutdownRequest shutdown) {
        this.services = new SessionServices(slots, log, requests, events, limits, policy, shutdown);
        acceptThread = Thread.ofPlatform().name("accept").start(this::acceptLoop);
        watchdog = Thread.ofPlatform().daemon().name("deadlines").start(this::enforceDeadlines);
    }

    /**
     * Sends {@code * text} to every connected client, each on its own virtual thread: a client
     * that stopped reading must not hold up the caller (the plugin refresh, a command).
     */
    public void broadcast(String text) {
        noticeAllBut(-1, text);
    }

    /** As {@link #broadcast}, skipping session {@code sessionId}. */
    public void noticeAllBut(long sessionId, String text) {
        for (ClientSession session : slots.all()) {
            if (session.id() != sessionId) {
                Thread.ofVirtual().name("notice-" + session.id()).start(() -> session.notice(text));
            }
        }
    }

    /**
     * Four times a second while any client is connected, ends the sessions whose deadlines have
     * passed (see ClientSession#enforceDeadlines); with none, it sleeps until one comes.
     */
    private void enforceDeadlines() {
        while (!closing) {
            try {
                slots.awaitAny();
                Thread.sleep(DEADLINE_CHECK);
            } catch (InterruptedException e) {
                return;
            }
            slots.all().forEach(ClientSession::enforceDeadlines);
        }
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closing) {
                    log.error("Accept failed: " + e.getMessage());
                }
                continue;
            }
            long id = slots.reserve();
            if (id < 0) {
                refuse(socket);
            } else {
                ClientSession session = new ClientSession(id, socket, services);
                slots.register(session);
                start(session, id, socket);
            }
        }
    }

    /**
     * Runs the session on a thread of its own. The system may refuse one more thread (its limits
     * reached): the client is then closed and its slot freed, and the daemon goes on accepting.
     */
    private void start(ClientSession session, long id, Socket socket) {
        try {
            Thread.ofPlatform().daemon().name("session-" + id).start(session);
        } catch (OutOfMemoryError | RuntimeException e) {
            log.error("Session " + id + " not started, no thread for it: " + e);
            slots.release(id);
            try {
                socket.close();
            } catch (IOException closing) {
                // the client is gone either way
            }
        }
    }

    private void refuse(Socket socket) {
        String peer = ClientSession.peerOf(socket);
        log.info("Client " + peer + " refused: " + slots.max() + " clients already connected.");
        events.publish(new DaemonEvent.ClientRefused(Instant.now(), peer));
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write((Wire.error(ErrorCode.MAXCLIENTS, "server full: " + slots.max() + " clients already connected, try again later") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // the refused client is gone already; nothing else to tell it
        }
    }

    /** Stops accepting, tells every client the daemon is going away, closes them and waits briefly. */
    @Override
    public void close() {
        closing = true;
        if (watchdog != null) {
            watchdog.interrupt();
        }
        try {
            listener.close();
        } catch (IOException e) {
            log.error("Closing the listening socket failed: " + e.getMessage());
        }
        List<ClientSession> sessions = slots.all();
        List<Thread> closers = sessions.stream()
                .map(session -> Thread.ofVirtual().start(() -> session.closeWithNotice(Notice.SHUTTING_DOWN)))
                .toList();
        Instant deadline = Instant.now().plus(SESSION_DRAIN);
        try {
            if (acceptThread != null) {
                acceptThread.join(SESSION_DRAIN);
            }
            for (Thread closer : closers) {
                closer.join(SESSION_DRAIN);
            }
            for (ClientSession session : sessions) {
                session.awaitEnd(Duration.between(Instant.now(), deadline));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

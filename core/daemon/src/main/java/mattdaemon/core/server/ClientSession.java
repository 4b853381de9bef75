package mattdaemon.core.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import mattdaemon.api.DaemonEvent;
import mattdaemon.api.LineCodec;
import mattdaemon.api.Reply;
import mattdaemon.api.Session;
import mattdaemon.core.Version;
import mattdaemon.core.log.DaemonLog;
import mattdaemon.core.log.LogText;
import mattdaemon.core.log.Utf8;
import mattdaemon.core.protocol.LineReader;
import mattdaemon.core.protocol.ReplyWriter;

/**
 * One client connection: reads request lines, answers each with exactly one reply, in order.
 * Replies are flushed only when no further request is already waiting, so pipelined input is
 * answered in few packets. Every failure ends as a reply or a log line, never a silent drop.
 */
final class ClientSession implements Session, Runnable {
    private final long id;
    private final Socket socket;
    private final String peer;
    private final ClientSlots slots;
    private final DaemonLog log;
    private final RequestHandler handler;
    private final EventBus events;
    private final SessionLimits limits;
    private final CountDownLatch ended = new CountDownLatch(1);
    private ReplyWriter writer;
    private volatile boolean closing;
    private LineCodec pendingCodec;
    private String pendingShutdown;

    ClientSession(long id, Socket socket, ClientSlots slots, DaemonLog log, RequestHandler handler,
                  EventBus events, SessionLimits limits) {
        this.id = id;
        this.socket = socket;
        this.peer = peerOf(socket);
        this.slots = slots;
        this.log = log;
        this.handler = handler;
        this.events = events;
        this.limits = limits;
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

    /** Called by the quit command through its context: shut down after this reply is out. */
    void shutdownAfterReply(String reason) {
        pendingShutdown = reason;
    }

    @Override
    public void run() {
        log.info("Client connected: " + peer + " (session " + id + ", " + slots.count() + "/" + slots.max() + ").");
        events.publish(new DaemonEvent.ClientConnected(Instant.now(), peer));
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            writer = new ReplyWriter(new BufferedOutputStream(socket.getOutputStream(), 16 * 1024));
            writer.notice("Matt_daemon " + Version.CURRENT + " ready");
            serve(in);
        } catch (IOException e) {
            if (!closing) {
                log.info("Client " + peer + " (session " + id + ") connection lost: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            log.error("Session " + id + " failed", e);
        } finally {
            slots.release(id);
            log.info("Client disconnected: " + peer + " (session " + id + ").");
            events.publish(new DaemonEvent.ClientDisconnected(Instant.now(), peer));
            ended.countDown();
        }
    }

    private void serve(InputStream in) throws IOException {
        LineReader reader = new LineReader(in, limits.maxLineBytes());
        while (!closing) {
            if (!reader.hasBuffered() && in.available() == 0) {
                writer.flush();
            }
            switch (reader.next()) {
                case LineReader.Input.End end -> {
                    writer.flush();
                    return;
                }
                case LineReader.Input.TooLong tooLong -> writer.reply(refuseLongLine(tooLong.length()));
                case LineReader.Input.Line line -> writer.reply(answer(line.bytes()));
            }
            applyPendingChanges();
        }
    }

    private Reply refuseLongLine(long length) {
        log.error("Client " + peer + " (session " + id + "): line of " + length + " bytes discarded, over the "
                + limits.maxLineBytes() + "-byte limit.");
        return Reply.error("TOOLONG", "line of " + length + " bytes discarded: the limit is "
                + limits.maxLineBytes() + " bytes");
    }

    private Reply answer(byte[] bytes) {
        if (!Utf8.isValid(bytes, 0, bytes.length)) {
            log.userInput(LogText.escapeUtf8(bytes, 0, bytes.length));
            return Reply.error("ENCODING", "line is not valid UTF-8; logged with \\xNN escapes");
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

    /** Codec switches and shutdown take effect only once the reply that asked for them is out. */
    private void applyPendingChanges() throws IOException {
        if (pendingCodec != null) {
            writer.flush();
            writer.useCodec(pendingCodec);
            pendingCodec = null;
        }
        if (pendingShutdown != null) {
            writer.flush();
            handler.shutdown().request(pendingShutdown);
            pendingShutdown = null;
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

    void closeWithNotice(String text) {
        closing = true;
        notice(text);
        try {
            socket.close();
        } catch (IOException e) {
            // closing is best effort during shutdown
        }
    }

    void awaitEnd(Duration timeout) throws InterruptedException {
        ended.await(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }
}

package mattdaemon.core.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import mattdaemon.api.LineCodec;
import mattdaemon.api.Reply;
import mattdaemon.core.log.LogText;
import mattdaemon.protocol.Wire;

/**
 * Writes protocol lines through the session's codec. Thread-safe: a notice (shutdown, plugins
 * changed) may come from another thread than the session's replies. Output is buffered until
 * {@link #flush()}, so a pipelining client gets its replies in few packets.
 */
public final class ReplyWriter {
    private static final int REPEAT = 128;

    private final OutputStream out;
    private volatile LineCodec codec = LineCodec.PLAIN;
    /** The last status-only reply and its bytes in {@link #lastCodec}: a flood repeats one reply. */
    private Reply lastReply;
    private LineCodec lastCodec;
    private byte[] lastBytes;
    /** {@link #REPEAT} copies of {@link #repeatedLine}, for {@link #replyEach}. */
    private byte[] repeated;
    private byte[] repeatedLine;

    /** Writes to {@code out}, which should be buffered. */
    public ReplyWriter(OutputStream out) {
        this.out = out;
    }

    /** Lines written after this call use {@code codec}. */
    public void useCodec(LineCodec codec) {
        this.codec = codec;
    }

    /** The codec in use. */
    public LineCodec codec() {
        return codec;
    }

    /** Writes a reply: its body lines, then its status line. */
    public synchronized void reply(Reply reply) throws IOException {
        if (reply.body().isEmpty()) {
            statusOnly(reply);
            return;
        }
        for (String line : reply.body()) {
            line(Wire.body(line));
        }
        line(status(reply));
    }

    /** Writes {@code reply}, status only, {@code times} times: the answer to each line of a run. */
    public synchronized void replyEach(Reply reply, int times) throws IOException {
        if (!reply.body().isEmpty()) {
            for (int i = 0; i < times; i++) {
                reply(reply);
            }
            return;
        }
        if (times == 0) {
            return;
        }
        byte[] line = statusBytes(reply);
        if (repeated == null || repeatedLine != line) {
            repeated = new byte[line.length * REPEAT];
            for (int i = 0; i < REPEAT; i++) {
                System.arraycopy(line, 0, repeated, i * line.length, line.length);
            }
            repeatedLine = line;
        }
        for (int left = times; left > 0; left -= REPEAT) {
            out.write(repeated, 0, Math.min(left, REPEAT) * line.length);
        }
    }

    private void statusOnly(Reply reply) throws IOException {
        out.write(statusBytes(reply));
    }

    private byte[] statusBytes(Reply reply) {
        LineCodec current = codec;
        if (!reply.equals(lastReply) || current != lastCodec) {
            lastBytes = (current.encode(singleLine(status(reply))) + "\n").getBytes(StandardCharsets.UTF_8);
            lastReply = reply;
            lastCodec = current;
        }
        return lastBytes;
    }

    private static String status(Reply reply) {
        return switch (reply) {
            case Reply.Ok ok -> Wire.ok(ok.text());
            case Reply.Error error -> Wire.error(error.code(), error.text());
        };
    }

    /** Writes and flushes a notice not tied to a request ({@code * text}). */
    public synchronized void notice(String text) throws IOException {
        line(Wire.notice(text));
        out.flush();
    }

    /** Sends what is buffered. */
    public synchronized void flush() throws IOException {
        out.flush();
    }

    private void line(String text) throws IOException {
        out.write(codec.encode(singleLine(text)).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /**
     * Replies are line-based and shown on terminals: a stray line end would break the framing,
     * and a raw control character could drive the client's terminal, so both are escaped.
     */
    private static String singleLine(String text) {
        return LogText.escapeControls(text);
    }
}

package mattdaemon.core.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import mattdaemon.api.LineCodec;

/**
 * The reading half of the protocol, mirroring {@link ReplyWriter}: splits the stream into lines,
 * checks each is UTF-8 and decodes it through the session's codec.
 */
public final class RequestDecoder {
    private final InputStream in;
    private final LineReader reader;
    private final int maxLineBytes;

    /** Reads lines of at most {@code maxLineBytes} bytes from {@code in}. */
    public RequestDecoder(InputStream in, int maxLineBytes) {
        this.in = in;
        this.reader = new LineReader(in, maxLineBytes);
        this.maxLineBytes = maxLineBytes;
    }

    /** Whether a line (or part of one) is already read and waiting. */
    public boolean hasBuffered() {
        return reader.hasBuffered();
    }

    /** How long the line being received has been incomplete, in nanoseconds; 0 when none is. */
    public long partialLineAgeNanos() {
        return reader.partialLineAgeNanos();
    }

    /**
     * Whether a further request is waiting, read or not: replies may then wait to go out
     * together. Part of a line does not count: the client may be waiting for its replies first.
     */
    public boolean moreWaiting() throws IOException {
        return reader.hasLine() || in.available() > 0;
    }

    /** See {@link LineReader#readMore()}: reads on when no complete line is waiting. */
    public boolean readMore() throws IOException {
        return reader.readMore();
    }

    /**
     * The lines at the head of what is read that a plain-codec session logs as they are, none
     * naming one of {@code commands}; an empty run when the next line needs {@link #next}.
     */
    public LineRun takeRun(LineRun run, CommandWords commands) {
        return reader.takeRun(run, commands);
    }

    /**
     * The next request, or empty when the peer closed its side.
     *
     * @param codec the codec the session's lines travel in now
     */
    public Optional<Request> next(LineCodec codec) throws IOException {
        return switch (reader.next()) {
            case LineReader.Input.End end -> Optional.empty();
            case LineReader.Input.TooLong tooLong -> Optional.of(new Request.TooLong(tooLong.length(), maxLineBytes));
            case LineReader.Input.Line line -> Optional.of(decode(line.bytes(), codec));
        };
    }

    /** What one line of bytes is, in {@code codec}. */
    static Request decode(byte[] bytes, LineCodec codec) {
        if (!Utf8.isValid(bytes, 0, bytes.length)) {
            return new Request.NotUtf8(bytes);
        }
        String wire = new String(bytes, StandardCharsets.UTF_8);
        try {
            return new Request.Text(codec.decode(wire));
        } catch (IllegalArgumentException e) {
            return new Request.Undecodable(codec.name(), wire, String.valueOf(e.getMessage()));
        }
    }
}

package mattdaemon.client.protocol;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLSocket;

/**
 * The framing of one connection: LF-ended UTF-8 lines (a CR before the LF is dropped), each
 * passed through the current {@link WireCodec}. Reading belongs to one thread and writing to
 * another; switching codec or upgrading to TLS happens only while no write is under way.
 */
final class LineChannel implements AutoCloseable {
    /** A longer line is not protocol: the peer is something else, or broken. */
    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private volatile Socket socket;
    private volatile InputStream in;
    private volatile OutputStream out;
    private volatile WireCodec codec = WireCodec.PLAIN;

    LineChannel(Socket socket) throws IOException {
        use(socket);
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = s.getOutputStream();
    }

    Socket socket() {
        return socket;
    }

    WireCodec codec() {
        return codec;
    }

    void useCodec(WireCodec next) {
        codec = next;
    }

    /**
     * Replaces the plain socket by a TLS socket over it. Whatever was read but not yet used
     * is dropped with the old buffer: nothing sent before the handshake may pass as protected.
     */
    void upgrade(SSLSocket tls) throws IOException {
        tls.startHandshake();
        use(tls);
    }

    /**
     * The next line's text, or null once the peer has closed the connection.
     *
     * @throws IOException on a broken connection, an overlong line, or a line the codec rejects
     */
    String readLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        InputStream source = in;
        while (true) {
            int b = source.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                break;
            }
            if (bytes.size() >= MAX_LINE_BYTES) {
                throw new IOException("line longer than " + MAX_LINE_BYTES + " bytes");
            }
            bytes.write(b);
        }
        byte[] raw = bytes.toByteArray();
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        String wire = new String(raw, 0, length, StandardCharsets.UTF_8);
        try {
            return codec.decode(wire);
        } catch (IllegalArgumentException e) {
            throw new IOException("line is not valid " + codec.label() + ": " + wire, e);
        }
    }

    /** Sends one line (a stray CR or LF in it is escaped, as it would break the framing). */
    void writeLine(String text) throws IOException {
        String single = text.replace("\r", "\\r").replace("\n", "\\n");
        byte[] wire = (codec.encode(single) + "\n").getBytes(StandardCharsets.UTF_8);
        OutputStream target = out;
        target.write(wire);
        target.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a dead socket has nothing left to report
        }
    }
}

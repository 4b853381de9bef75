package mattdaemon.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A raw protocol client: writes bytes, reads LF-terminated lines, collects whole replies. */
final class TestClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private TestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static TestClient connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        return new TestClient(socket);
    }

    Socket socket() {
        return socket;
    }

    /** Reads the greeting notice and returns it. */
    String greeting() throws IOException {
        return readLine();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(String line) throws IOException {
        sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a line and returns its whole reply (body lines and the status line last). */
    List<String> request(String line) throws IOException {
        send(line);
        return readReply();
    }

    /** Reads lines up to and including the next status line ({@code +OK} or {@code -ERR}). */
    List<String> readReply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new IOException("connection closed inside a reply: " + lines);
            }
            if (line.startsWith("* ")) {
                continue;
            }
            lines.add(line);
            if (line.startsWith("+OK") || line.startsWith("-ERR")) {
                return lines;
            }
        }
    }

    /** One line without its LF, or null at end of stream. */
    String readLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                return bytes.toString(StandardCharsets.UTF_8);
            }
            bytes.write(b);
        }
    }

    /** True once the server has closed the connection (reads until EOF, skipping notices). */
    boolean closedByServer() throws IOException {
        try {
            String line;
            while ((line = readLine()) != null) {
                if (!line.startsWith("* ")) {
                    return false;
                }
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

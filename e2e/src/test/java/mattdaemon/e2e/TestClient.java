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
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean base64;

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
        String wire = base64 ? java.util.Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8)) : line;
        sendRaw((wire + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** From now on lines are sent and read as Base64 (after daemoncrypt on). */
    void useBase64(boolean on) {
        base64 = on;
    }

    /**
     * Upgrades the connection to TLS 1.3, trusting only a certificate with this SHA-256
     * fingerprint (colon-separated hex).
     */
    void startTls(String fingerprint) throws IOException {
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLSv1.3");
            context.init(null, new javax.net.ssl.TrustManager[] {new PinningTrustManager(fingerprint)}, null);
            javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                    .createSocket(socket, "localhost", socket.getPort(), true);
            tls.setUseClientMode(true);
            tls.startHandshake();
            socket = tls;
            in = tls.getInputStream();
            out = tls.getOutputStream();
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** The SHA-256 fingerprint a certificate chain's leaf must have, as daemoninfo shows it. */
    private record PinningTrustManager(String fingerprint) implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
                String actual = java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
                if (!actual.equals(fingerprint)) {
                    throw new java.security.cert.CertificateException("fingerprint " + actual + " is not the pinned one");
                }
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new java.security.cert.CertificateException(e);
            }
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("not a server");
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
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
                String line = bytes.toString(StandardCharsets.UTF_8);
                return base64 ? new String(java.util.Base64.getDecoder().decode(line), StandardCharsets.UTF_8) : line;
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

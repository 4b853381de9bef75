package mattdaemon.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An SMTP front end that speaks STARTTLS. GreenMail's SMTP has no STARTTLS, so this greets the
 * client, offers STARTTLS and refuses anything else until the client upgrades; after a real TLS
 * handshake it relays the (decrypted) conversation to GreenMail's plain port, swallowing
 * GreenMail's own greeting. {@link #upgraded()} counts the handshakes done.
 */
final class StartTlsFront implements AutoCloseable {
    private final ServerSocket server;
    private final int backendPort;
    private final SSLContext tls;
    private final AtomicInteger upgraded = new AtomicInteger();

    StartTlsFront(int backendPort, SSLContext tls) throws IOException {
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.backendPort = backendPort;
        this.tls = tls;
        Thread.ofVirtual().start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    int upgraded() {
        return upgraded.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            write(out, "220 front ESMTP");
            while (true) {
                String line = readLine(in);
                if (line == null) {
                    return;
                }
                String verb = line.split(" ")[0].toUpperCase();
                switch (verb) {
                    case "EHLO" -> write(out, "250-front\r\n250 STARTTLS");
                    case "STARTTLS" -> {
                        write(out, "220 2.0.0 ready to start TLS");
                        relay(client);
                        return;
                    }
                    case "QUIT" -> {
                        write(out, "221 bye");
                        return;
                    }
                    default -> write(out, "530 5.7.0 must issue STARTTLS first");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void relay(Socket client) throws IOException {
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(client, "127.0.0.1", client.getPort(), false);
        secure.setUseClientMode(false);
        secure.startHandshake();
        upgraded.incrementAndGet();
        try (secure; Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            readLine(backend.getInputStream()); // GreenMail's greeting: the client had ours
            Thread up = Thread.ofVirtual().start(() -> pump(secure, backend));
            pump(backend, secure);
            up.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException | UnsupportedOperationException e) {
                // closing anyway
            }
        }
    }

    /** One line, read byte by byte so nothing after it (the TLS handshake) is consumed. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    private static void write(OutputStream out, String lines) throws IOException {
        out.write((lines + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

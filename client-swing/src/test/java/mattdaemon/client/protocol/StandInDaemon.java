package mattdaemon.client.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Plays the daemon's side of {@code auth}, {@code daemoncrypt} and {@code starttls}, which the
 * real daemon does not offer yet, exactly as the protocol describes them; every other line is
 * answered {@code +OK logged}, and {@code echo X} with the body line {@code X}. It records the
 * wire lines it received. One client, on a thread of its own.
 */
final class StandInDaemon implements AutoCloseable {
    static final String PASSWORD = "open sesame";
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    private final ServerSocket server = new ServerSocket();
    private final boolean passwordRequired;
    private final SSLContext tls;
    final X509Certificate certificate;
    /** The lines as they came over the wire, before any decoding. */
    final List<String> wire = new CopyOnWriteArrayList<>();

    /** Serves with the key and certificate in {@code store} (see {@link #selfSigned}). */
    StandInDaemon(KeyStore store, boolean passwordRequired) throws Exception {
        this.passwordRequired = passwordRequired;
        certificate = (X509Certificate) store.getCertificate("daemon");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD);
        tls = SSLContext.getInstance("TLSv1.3");
        tls.init(keys.getKeyManagers(), null, null);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread.ofPlatform().daemon().start(this::serve);
    }

    /** A self-signed certificate made by the JDK's keytool, as a daemon would make its own. */
    static KeyStore selfSigned(Path dir) throws Exception {
        Path file = dir.resolve("daemon.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "daemon", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=Matt_daemon", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(file)) {
            store.load(in, STORE_PASSWORD);
        }
        return store;
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        try (Socket plain = server.accept()) {
            Socket socket = plain;
            WireCodec codec = WireCodec.PLAIN;
            BufferedReader in = reader(socket);
            OutputStream out = socket.getOutputStream();
            send(out, codec, "* Matt_daemon 9.9.9 ready" + (passwordRequired ? ", password required" : ""));
            String raw;
            while ((raw = in.readLine()) != null) {
                wire.add(raw);
                String line = codec.decode(raw);
                if (line.equals("daemoncrypt on")) {
                    send(out, codec, "+OK lines are Base64 from now on");
                    codec = WireCodec.BASE64;
                } else if (line.equals("daemoncrypt off")) {
                    send(out, codec, "+OK lines are plain from now on");
                    codec = WireCodec.PLAIN;
                } else if (line.equals("starttls")) {
                    // the injected line must be dropped by the client, never read as protected
                    send(out, codec, "+OK begin TLS\n| injected before the handshake");
                    SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(), true);
                    secure.setUseClientMode(false);
                    secure.startHandshake();
                    socket = secure;
                    in = reader(socket);
                    out = socket.getOutputStream();
                } else if (line.startsWith("auth ")) {
                    send(out, codec, line.equals("auth " + PASSWORD) ? "+OK authenticated" : "-ERR AUTH wrong password");
                } else if (line.startsWith("echo ")) {
                    send(out, codec, "| " + line.substring(5) + "\n+OK echo");
                } else {
                    send(out, codec, "+OK logged");
                }
            }
        } catch (IOException e) {
            // the client went away or refused the handshake: that is what some tests want
        }
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void send(OutputStream out, WireCodec codec, String lines) throws IOException {
        StringBuilder wire = new StringBuilder();
        for (String line : lines.split("\n")) {
            wire.append(line.startsWith("| injected") ? line : codec.encode(line)).append('\n');
        }
        out.write(wire.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

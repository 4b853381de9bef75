package mattdaemon.plugin.mail.send;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import mattdaemon.plugin.mail.config.SettingsReader;
import mattdaemon.plugin.mail.config.SmtpSettings;

/** A real SMTP server (GreenMail) on a free local port, and settings that point at it. */
final class SmtpServers {
    static final String PASSWORD = "Corr3ct-Horse-unique";

    private SmtpServers() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A started GreenMail SMTP server on {@code port} knowing user {@code mailer}. */
    static GreenMail greenMail(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        server.setUser("mailer@example.org", "mailer", PASSWORD);
        return server;
    }

    /** Plain SMTP settings for {@code port}, logging in as {@code mailer} with {@code password}. */
    static SmtpSettings plain(int port, Path dir, String password, String... more) throws IOException {
        Path file = dir.resolve("smtp-password");
        Files.writeString(file, password + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> values = new HashMap<>(Map.of("smtp.host", "127.0.0.1", "smtp.port", String.valueOf(port),
                "smtp.security", "none", "smtp.user", "mailer", "smtp.password_file", file.toString(),
                "smtp.timeout", "2s"));
        for (int i = 0; i < more.length; i += 2) {
            values.put(more[i], more[i + 1]);
        }
        return SettingsReader.read(values, "box").smtp().orElseThrow();
    }
}

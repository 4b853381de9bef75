package mattdaemon.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * What the mail plugin's end-to-end tests share: a real SMTP server (GreenMail) on a free local
 * port, and a daemon whose configuration file points at it with the shipped plugin folder
 * ({@code dist/plugins/mail}) installed.
 */
final class MailSetup {
    static final Path MAIL_PLUGIN = DaemonUnderTest.DIST.resolve("plugins/mail");
    static final String USER = "mailer";
    static final String PASSWORD = "Sup3r-Secret-SMTP-pw";

    private MailSetup() {
    }

    /** A started GreenMail SMTP ({@code smtp}) or SMTPS ({@code smtps}) server on {@code port}, knowing {@link #USER}. */
    static GreenMail smtpServer(String protocol, int port) throws IOException, InterruptedException {
        if (protocol.equals(ServerSetup.PROTOCOL_SMTPS)) {
            TestCertificate.get();
        }
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        GreenMail server = new GreenMail(setup);
        server.start();
        server.setUser(USER + "@example.org", USER, PASSWORD);
        return server;
    }

    /** A root-only file holding {@code password}, as the plugin demands. */
    static Path passwordFile(Path dir, String password, String mode) throws IOException {
        Path file = dir.resolve("smtp-password");
        Files.writeString(file, password + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    /**
     * A daemon with the mail plugin and a configuration file made of {@code configLines};
     * started, and its plugin loaded (or refused) before this returns.
     */
    static DaemonUnderTest daemon(Path dir, String... configLines) throws Exception {
        Path config = Files.writeString(dir.resolve("matt_daemon.conf"), String.join("\n", configLines) + "\n");
        DaemonUnderTest daemon = new DaemonUnderTest(Files.createDirectories(dir.resolve("daemon")))
                .with("--config", config.toString());
        try (Stream<Path> jars = Files.list(MAIL_PLUGIN)) {
            PluginBuilder.install(daemon.pluginDir, "mail", jars.filter(p -> p.toString().endsWith(".jar")).toArray(Path[]::new));
        }
        return daemon.start();
    }

    /** The usual SMTP lines: plain SMTP on {@code port} with login, mail to ops@example.org. */
    static List<String> plainSmtp(int port, Path passwordFile) {
        return List.of("mail.smtp.host = 127.0.0.1", "mail.smtp.port = " + port, "mail.smtp.security = none",
                "mail.smtp.user = " + USER, "mail.smtp.password_file = " + passwordFile,
                "mail.from = daemon@box.example", "mail.to = ops@example.org", "mail.smtp.timeout = 2s",
                "mail.retry.delay = 200ms", "mail.retry.max_delay = 400ms");
    }

    /** The id in a {@code +OK queued <id>} reply. */
    static String queuedId(List<String> reply) {
        String last = reply.getLast();
        if (!last.startsWith("+OK queued ")) {
            throw new AssertionError("not queued: " + reply);
        }
        return last.substring("+OK queued ".length());
    }

    /** Waits for {@code count} messages and returns them all. */
    static MimeMessage[] await(GreenMail server, int count) {
        if (!server.waitForIncomingEmail(10_000, count)) {
            throw new AssertionError("expected " + count + " mail(s), got " + server.getReceivedMessages().length);
        }
        return server.getReceivedMessages();
    }

    /** The kernel's host name, as the plugin reads it. */
    static String hostName() throws IOException {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    }
}

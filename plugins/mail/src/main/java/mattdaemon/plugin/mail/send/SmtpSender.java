package mattdaemon.plugin.mail.send;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import mattdaemon.plugin.mail.config.Security;
import mattdaemon.plugin.mail.config.SmtpSettings;

/**
 * Sends one mail per call through Jakarta Mail, with every SMTP timeout set so a slow or silent
 * server costs at most {@link SmtpSettings#timeout()} per step, and STARTTLS required (never
 * skipped) when configured.
 * <p>
 * Jakarta Mail finds its implementation (Angus: the SMTP provider, the stream provider, the
 * activation registries) with {@link java.util.ServiceLoader} through the thread's context class
 * loader. On the daemon's threads that loader knows nothing of this plugin's module layer, so
 * every call runs with the context loader set to the plugin's own.
 */
public final class SmtpSender implements Sender {
    private final SmtpSettings smtp;
    private final String from;
    private final Properties properties;

    /**
     * @param from     sender address
     * @param heloName this machine's name for the SMTP greeting (looked up once, not by DNS)
     */
    public SmtpSender(SmtpSettings smtp, String from, String heloName) {
        this.smtp = smtp;
        this.from = from;
        this.properties = properties(smtp, heloName);
    }

    private static Properties properties(SmtpSettings smtp, String heloName) {
        Properties p = new Properties();
        String millis = String.valueOf(smtp.timeout().toMillis());
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", String.valueOf(smtp.port()));
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
        p.put("mail.smtp.localhost", heloName);
        p.put("mail.smtp.auth", String.valueOf(smtp.user().isPresent()));
        if (smtp.security() == Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        } else if (smtp.security() == Security.SMTPS) {
            p.put("mail.smtp.ssl.enable", "true");
        }
        if (smtp.security() != Security.NONE) {
            p.put("mail.smtp.ssl.checkserveridentity", String.valueOf(smtp.checkIdentity()));
            p.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
            smtp.caFile().ifPresent(f -> p.put("mail.smtp.ssl.socketFactory", TlsTrust.trusting(f)));
        }
        return p;
    }

    @Override
    public void send(OutgoingMail mail) throws SendFailure {
        withPluginLoader(session -> {
            MimeMessage message = message(session, mail);
            Transport transport = connect(session);
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } finally {
                hangUp(transport);
            }
        });
    }

    /** Connects and logs in, then hangs up: tells whether the settings work, sending nothing. */
    public void check() throws SendFailure {
        withPluginLoader(session -> hangUp(connect(session)));
    }

    private Transport connect(Session session) throws MessagingException {
        Transport transport = session.getTransport("smtp");
        if (smtp.user().isPresent()) {
            transport.connect(smtp.host(), smtp.port(), smtp.user().get(), smtp.password().orElseThrow().reveal());
        } else {
            transport.connect();
        }
        return transport;
    }

    /**
     * Ends the conversation. A failing QUIT is ignored: once the server has taken the mail,
     * reporting a failure would only make the outbox send it twice.
     */
    private static void hangUp(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // the mail is already accepted, or the failure before this one is what counts
        }
    }

    private MimeMessage message(Session session, OutgoingMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, true));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", mail.to()), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("X-Mailer", "Matt_daemon mail plugin");
        if (mail.attachment().isEmpty()) {
            message.setText(mail.body(), "UTF-8");
            return message;
        }
        Attachment attachment = mail.attachment().get();
        Optional<byte[]> bytes;
        String note = "";
        try {
            bytes = Optional.of(attachment.read());
        } catch (IOException e) {
            bytes = Optional.empty();
            note = "\n(" + attachment.fileName() + " could not be attached: " + e.getClass().getSimpleName() + ")\n";
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.body() + note, "UTF-8");
        MimeMultipart parts = new MimeMultipart();
        parts.addBodyPart(text);
        if (bytes.isPresent()) {
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes.get(), "text/plain; charset="
                    + StandardCharsets.UTF_8.name())));
            file.setFileName(attachment.fileName());
            file.setDisposition(Part.ATTACHMENT);
            // base64 keeps the log byte for byte: no line-end rewriting, no limit on line length
            file.setHeader("Content-Transfer-Encoding", "base64");
            parts.addBodyPart(file);
        }
        message.setContent(parts);
        return message;
    }

    private interface SessionWork {
        void run(Session session) throws MessagingException;
    }

    private void withPluginLoader(SessionWork work) throws SendFailure {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SmtpSender.class.getClassLoader());
        try {
            work.run(Session.getInstance(properties));
        } catch (MessagingException | RuntimeException e) {
            throw Failures.classify(e, smtp);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}

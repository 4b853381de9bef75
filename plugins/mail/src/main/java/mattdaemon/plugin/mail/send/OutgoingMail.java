package mattdaemon.plugin.mail.send;

import java.util.List;
import java.util.Optional;

/**
 * A mail waiting to be sent.
 *
 * @param to         checked recipient addresses, at least one
 * @param subject    one line
 * @param body       plain text
 * @param attachment a file to attach, if any
 */
public record OutgoingMail(List<String> to, String subject, String body, Optional<Attachment> attachment) {
    /** Copies the recipients and keeps the subject on one line. */
    public OutgoingMail {
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a mail needs a recipient");
        }
        to = List.copyOf(to);
        subject = MailText.oneLine(subject, 200);
    }
}

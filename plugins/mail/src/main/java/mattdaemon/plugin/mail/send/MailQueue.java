package mattdaemon.plugin.mail.send;

import java.util.Optional;

/** Takes mails to send later. */
public interface MailQueue {
    /**
     * Queues {@code mail} and returns its id, or empty when the queue is full (the caller
     * reports or logs that; nothing blocks).
     */
    Optional<String> submit(OutgoingMail mail);
}

package mattdaemon.plugin.mail.send;

/** Makes one attempt at handing a mail to the mail server. */
public interface Sender {
    /**
     * Sends {@code mail} now, on the calling thread.
     *
     * @throws SendFailure saying why, and whether trying again could help
     */
    void send(OutgoingMail mail) throws SendFailure;
}

package mattdaemon.core.request;

import java.util.List;

import mattdaemon.api.Reply;

/**
 * What handling one request came to: the reply to send, then the changes to apply to the session.
 *
 * @param reply   exactly one reply, sent before any change takes effect
 * @param changes in the order they are to be applied; empty for most requests
 */
public record Outcome(Reply reply, List<SessionChange> changes) {

    /** Copies the changes so an outcome never changes after it is made. */
    public Outcome {
        changes = List.copyOf(changes);
    }

    /** A reply that changes nothing about the session. */
    public static Outcome of(Reply reply) {
        return new Outcome(reply, List.of());
    }
}

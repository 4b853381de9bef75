package mattdaemon.plugin.mail.rule;

import java.time.Instant;
import java.util.Optional;

import mattdaemon.api.DaemonEvent;

/**
 * One daemon event as the rules see it.
 *
 * @param kind    what happened
 * @param at      when
 * @param subject the text a rule's {@code match} is tried on (message text, signal name, ...)
 * @param detail  one line describing the event, for the mail
 */
public record Occurrence(EventKind kind, Instant at, String subject, String detail) {

    /** The occurrence an event stands for; empty for events no rule can watch. */
    public static Optional<Occurrence> of(DaemonEvent event) {
        Occurrence occurrence = switch (event) {
            case DaemonEvent.MessageReceived m ->
                    new Occurrence(EventKind.MESSAGE, m.at(), m.text(), "message from " + m.peer() + ": " + m.text());
            case DaemonEvent.ClientRefused r ->
                    new Occurrence(EventKind.CLIENT_REFUSED, r.at(), r.peer(), "client refused: " + r.peer());
            case DaemonEvent.AuthFailed a -> new Occurrence(EventKind.AUTH_FAILURE, a.at(), a.peer(),
                    "wrong password from " + a.peer() + " (attempt " + a.attempt() + ")");
            case DaemonEvent.SignalReceived s ->
                    new Occurrence(EventKind.SIGNAL, s.at(), s.name(), "signal " + s.name() + " (" + s.number() + ")");
            case DaemonEvent.ShuttingDown s ->
                    new Occurrence(EventKind.SHUTDOWN, s.at(), s.reason(), "shutting down: " + s.reason());
            case DaemonEvent.CommandFailed f ->
                    new Occurrence(EventKind.PLUGIN_FAILURE, f.at(), f.command(), "command " + f.command() + " failed: " + f.reason());
            case DaemonEvent.ClientConnected c ->
                    new Occurrence(EventKind.CLIENT_CONNECTED, c.at(), c.peer(), "client connected: " + c.peer());
            case DaemonEvent.ClientDisconnected d ->
                    new Occurrence(EventKind.CLIENT_DISCONNECTED, d.at(), d.peer(), "client disconnected: " + d.peer());
            // an event added to the api after this plugin was built: no rule knows it
            default -> null;
        };
        return Optional.ofNullable(occurrence);
    }
}

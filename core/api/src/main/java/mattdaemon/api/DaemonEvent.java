package mattdaemon.api;

import java.time.Instant;

/** Something that happened in the daemon, delivered to every {@link EventListener}. */
public sealed interface DaemonEvent {

    /** When it happened. */
    Instant at();

    /** A client line that was not a command, as logged. */
    record MessageReceived(Instant at, String peer, String text) implements DaemonEvent {
    }

    /** A client connected. */
    record ClientConnected(Instant at, String peer) implements DaemonEvent {
    }

    /** A client went away. */
    record ClientDisconnected(Instant at, String peer) implements DaemonEvent {
    }

    /** A client was turned away because every slot was taken. */
    record ClientRefused(Instant at, String peer) implements DaemonEvent {
    }

    /** A client sent a wrong password. */
    record AuthFailed(Instant at, String peer, int attempt) implements DaemonEvent {
    }

    /** A signal reached the daemon. */
    record SignalReceived(Instant at, String name, int number) implements DaemonEvent {
    }

    /** The daemon is shutting down. */
    record ShuttingDown(Instant at, String reason) implements DaemonEvent {
    }

    /** A command failed, threw or timed out. */
    record CommandFailed(Instant at, String command, String reason) implements DaemonEvent {
    }
}

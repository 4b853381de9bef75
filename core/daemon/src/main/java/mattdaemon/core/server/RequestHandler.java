package mattdaemon.core.server;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import mattdaemon.api.Command;
import mattdaemon.api.CommandInfo;
import mattdaemon.api.DaemonEvent;
import mattdaemon.api.DaemonStatus;
import mattdaemon.api.Reply;
import mattdaemon.core.log.DaemonLog;
import mattdaemon.core.log.LogText;
import mattdaemon.core.plugin.CommandRegistry;

/**
 * Decides what one decoded line is: a command when its first word names a loaded command,
 * otherwise a message to log. Commands run on their own virtual thread under their time limit,
 * so a plugin that throws or hangs costs the client one {@code -ERR PLUGIN} reply, nothing more.
 */
public final class RequestHandler implements AutoCloseable {
    private static final String AUTH = "auth";
    private static final String STARTTLS = "starttls";

    private final CommandRegistry commands;
    private final DaemonLog log;
    private final EventBus events;
    private final ShutdownRequest shutdown;
    private final Supplier<DaemonStatus> status;
    private final Runnable refreshCommands;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * A handler dispatching to {@code commands}.
     *
     * @param refreshCommands brings {@code commands} up to date; run before listing them
     */
    public RequestHandler(CommandRegistry commands, DaemonLog log, EventBus events, ShutdownRequest shutdown,
                          Supplier<DaemonStatus> status, Runnable refreshCommands) {
        this.commands = commands;
        this.log = log;
        this.events = events;
        this.shutdown = shutdown;
        this.status = status;
        this.refreshCommands = refreshCommands;
    }

    ShutdownRequest shutdown() {
        return shutdown;
    }

    /** A request line split into its first word and the rest, both trimmed. */
    private record Words(String word, String arguments) {
        static Words of(String line) {
            String trimmed = line.strip();
            int space = trimmed.indexOf(' ');
            return space < 0 ? new Words(trimmed, "") : new Words(trimmed.substring(0, space), trimmed.substring(space + 1).strip());
        }
    }

    Reply handle(ClientSession session, String line) {
        Words words = Words.of(line);
        String word = words.word();
        if (session.security().tlsRequired() && !session.secure() && !word.equals(STARTTLS)) {
            return Reply.error("TLSREQUIRED", "this daemon requires TLS: send starttls first");
        }
        if (session.mustAuthenticate() && !word.equals(AUTH) && !word.equals(STARTTLS)) {
            return refuseUnauthenticated(session);
        }
        var entry = commands.find(word);
        if (entry.isEmpty()) {
            var refused = log.userInput(LogText.escape(line));
            if (refused.isPresent()) {
                return Reply.error("LOGFULL", refused.get());
            }
            events.publish(new DaemonEvent.MessageReceived(Instant.now(), session.peer(), line));
            return Reply.ok("logged");
        }
        Command command = entry.get().command();
        log.info("Request " + LogText.escape(command.describeRequest(words.arguments())) + ".");
        return run(command, new SessionContext(session, status.get(), this), words.arguments());
    }

    /** Lines before authentication are refused and not logged as user input: only the fact is. */
    Reply refuseUnauthenticated(ClientSession session) {
        log.info("Client " + session.peer() + " (session " + session.id() + "): line refused before authentication.");
        return Reply.error("AUTH", "authentication required: auth <password>");
    }

    EventBus events() {
        return events;
    }

    /** A command called by another command (e.g. mail gathering reports): not logged as a request. */
    Reply invoke(ClientSession session, String line) {
        Words words = Words.of(line);
        return commands.find(words.word())
                .map(entry -> run(entry.command(), new SessionContext(session, status.get(), this), words.arguments()))
                .orElse(Reply.error("UNKNOWN", "no command named " + words.word()));
    }

    List<CommandInfo> listCommands() {
        refreshCommands.run();
        return commands.list();
    }

    DaemonLog log() {
        return log;
    }

    private Reply run(Command command, SessionContext context, String arguments) {
        Duration limit = command.timeLimit();
        Future<Reply> call = executor.submit(() -> command.execute(context, arguments));
        try {
            Reply reply = call.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null) {
                return failed(command, "returned no reply", null);
            }
            return reply;
        } catch (TimeoutException e) {
            call.cancel(true);
            return failed(command, "timed out after " + limit.toMillis() + " ms", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return failed(command, "failed: " + cause, cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return Reply.error("SHUTDOWN", "daemon is shutting down");
        }
    }

    private Reply failed(Command command, String reason, Throwable cause) {
        String safeReason = LogText.escape(reason);
        if (cause == null) {
            log.error("Command " + command.name() + " " + safeReason);
        } else {
            log.error("Command " + command.name() + " " + safeReason, cause);
        }
        events.publish(new DaemonEvent.CommandFailed(Instant.now(), command.name(), reason));
        return Reply.error("PLUGIN", command.name() + " " + safeReason);
    }

    /** Interrupts running commands. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}

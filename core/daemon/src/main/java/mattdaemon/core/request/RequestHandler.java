package mattdaemon.core.request;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import mattdaemon.api.Command;
import mattdaemon.api.CommandInfo;
import mattdaemon.api.DaemonEvent;
import mattdaemon.api.DaemonStatus;
import mattdaemon.api.LineCodec;
import mattdaemon.api.Reply;
import mattdaemon.core.event.EventBus;
import mattdaemon.core.log.DaemonLog;
import mattdaemon.core.plugin.CommandRegistry;
import mattdaemon.core.protocol.CommandWords;
import mattdaemon.core.protocol.LineRun;
import mattdaemon.core.protocol.Request;
import mattdaemon.protocol.ErrorCode;

/**
 * Turns one request into its {@link Outcome}: a line whose first word names a loaded command runs
 * it (once the {@link AdmissionGate} lets it), any other line is a message to log. Every request
 * gets exactly one reply and one log line. Nothing here touches the session: what a command asks
 * to change comes back in the outcome, for the session to apply.
 */
public final class RequestHandler implements AutoCloseable {
    private static final Reply LOGGED = Reply.ok(mattdaemon.protocol.SessionChange.LOGGED);

    private final CommandRegistry commands;
    private final EventBus events;
    private final Supplier<DaemonStatus> status;
    private final Runnable refreshCommands;
    private final AdmissionGate gate;
    private final CommandRunner runner;
    private final RequestContext.Services services;

    /**
     * A handler dispatching to {@code commands}.
     *
     * @param notices         reaches the other sessions (a changed password is announced)
     * @param refreshCommands brings {@code commands} up to date; run before listing them
     */
    public RequestHandler(CommandRegistry commands, DaemonLog log, EventBus events, SecurityPolicy policy,
                          Notices notices, Supplier<DaemonStatus> status, Runnable refreshCommands) {
        this.commands = commands;
        this.events = events;
        this.status = status;
        this.refreshCommands = refreshCommands;
        this.gate = AdmissionGate.of(policy);
        this.runner = new CommandRunner(log, events);
        this.services = new RequestContext.Services(policy, runner, events, log, notices);
    }

    /** Answers one request from {@code caller}. */
    public Outcome handle(Caller caller, Request request) {
        return switch (request) {
            case Request.Text text -> handleText(caller, text.text());
            case Request.NotUtf8 bytes -> gate.refusal(caller, Admission.ADMITTED).map(Outcome::of).orElseGet(() ->
                    Outcome.of(caller.log().userInput(bytes.bytes()).map(RequestHandler::logFull)
                            .orElse(Reply.error(ErrorCode.ENCODING, "line is not valid UTF-8; logged with \\xNN escapes"))));
            case Request.Undecodable bad -> {
                caller.log().error("sent an undecodable " + bad.codec() + " line: " + bad.wire());
                yield Outcome.of(Reply.error(ErrorCode.CODEC, "line is not valid " + bad.codec() + ": " + bad.reason()));
            }
            case Request.TooLong tooLong -> {
                caller.log().error("had a line of " + tooLong.length() + " bytes discarded, over the "
                        + tooLong.limit() + "-byte limit.");
                yield Outcome.of(Reply.error(ErrorCode.TOOLONG, "line of " + tooLong.length() + " bytes discarded: the limit is "
                        + tooLong.limit() + " bytes"));
            }
        };
    }

    private Outcome handleText(Caller caller, String text) {
        Optional<Command> command = commands.find(CommandLine.firstWord(text)).map(CommandRegistry.Entry::command);
        Optional<Reply> refusal = gate.refusal(caller, command.map(RequestHandler::admissionOf).orElse(Admission.ADMITTED));
        if (refusal.isPresent()) {
            return Outcome.of(refusal.get());
        }
        if (command.isEmpty()) {
            Optional<String> refused = caller.log().userInput(text);
            if (refused.isPresent()) {
                return Outcome.of(logFull(refused.get()));
            }
            if (events.hasListeners()) { // each line would otherwise read the clock for nobody
                events.publish(new DaemonEvent.MessageReceived(Instant.now(), caller.peer(), text));
            }
            return Outcome.of(LOGGED);
        }
        CommandLine line = CommandLine.parse(text);
        if (!(command.get() instanceof CoreCommand core) || core.logsRequest(line.arguments())) {
            caller.log().daemonInfo("Request " + command.get().describeRequest(line.arguments()) + ".");
        }
        return run(caller, command.get(), line.arguments());
    }

    /**
     * Whether {@code caller}'s lines may be taken in {@link LineRun}s now: a plain-codec session
     * let in for messages. Asked before each run, since a command in between may change either.
     */
    public boolean takesRuns(Caller caller) {
        return caller.codec() == LineCodec.PLAIN && gate.admits(caller, Admission.ADMITTED);
    }

    /** The names of the loaded commands: a run stops before a line naming one. */
    public CommandWords commandWords() {
        return commands.words();
    }

    /**
     * The replies to a run's lines, in order: {@code logged} lines get {@link #LOGGED}, the rest
     * (the log's backlog full while writes fail) get {@code refusal}.
     */
    public record RunReplies(int logged, Reply refusal) {
    }

    /**
     * Logs a run of messages in one step, each as {@link #handle} would; returns their replies.
     */
    public RunReplies logRun(Caller caller, LineRun run) {
        int logged = caller.log().userInputs(run);
        if (events.hasListeners()) {
            for (int i = 0; i < logged; i++) {
                events.publish(new DaemonEvent.MessageReceived(Instant.now(), caller.peer(), run.text(i)));
            }
        }
        return new RunReplies(logged, logged < run.size() ? logFull(caller.log().refusal()) : null);
    }

    /** What every logged line is answered. */
    public static Reply logged() {
        return LOGGED;
    }

    /** The log could not take the line (a full disk, its backlog full): it is not kept. */
    private static Reply logFull(String reason) {
        return Reply.error(ErrorCode.LOGFULL, reason);
    }

    private static Admission admissionOf(Command command) {
        return command instanceof CoreCommand core ? core.admission() : Admission.ADMITTED;
    }

    /** A command called by another command (e.g. mail gathering reports): not logged as a request. */
    Outcome invoke(Caller caller, String text) {
        CommandLine line = CommandLine.parse(text);
        return commands.find(line.word())
                .map(entry -> run(caller, entry.command(), line.arguments()))
                .orElse(Outcome.of(Reply.error(ErrorCode.UNKNOWN, "no command named " + line.word())));
    }

    private Outcome run(Caller caller, Command command, String arguments) {
        return runner.run(command, new RequestContext(caller, status.get(), this, services), arguments);
    }

    List<CommandInfo> listCommands() {
        refreshCommands.run();
        return commands.list();
    }

    /** Interrupts running commands. */
    @Override
    public void close() {
        runner.close();
    }
}

package mattdaemon.core.request;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import mattdaemon.api.Command;
import mattdaemon.api.DaemonEvent;
import mattdaemon.api.Reply;
import mattdaemon.core.event.EventBus;
import mattdaemon.core.log.DaemonLog;
import mattdaemon.core.log.LogText;
import mattdaemon.core.posix.ThreadNice;
import mattdaemon.protocol.ErrorCode;

/**
 * Runs one command call under its time limit. Each call gets a platform thread of its own at
 * nice 10, so a plugin that loops on the CPU takes an OS thread of lower priority than the
 * sessions' (nice 0), never a session's own: the daemon stays responsive whatever plugins do. A call still running after
 * its limit (it ignored the interrupt) marks its plugin stuck until it ends: further calls to
 * that plugin are refused at once, and the log says so once, with the thread's stack and CPU time.
 */
public final class CommandRunner implements AutoCloseable {
    /** How long an interrupted call may take to end before its plugin counts as stuck. */
    static final Duration INTERRUPT_GRACE = Duration.ofMillis(200);

    private final DaemonLog log;
    private final EventBus events;
    private final AtomicLong calls = new AtomicLong();
    private final Map<Thread, Call> running = new ConcurrentHashMap<>();
    private final Map<Module, Call> stuck = new ConcurrentHashMap<>();

    /** Nice value of plugin calls: plugin work yields the CPU to sessions and built-ins. */
    static final int PLUGIN_NICE = 10;
    /** Nice value of a stuck call: it runs only on CPU time nobody else wants. */
    static final int STUCK_NICE = 19;

    /** A call in flight; {@code tid} is the kernel's id of its thread, known once it runs. */
    private static final class Call {
        final Command command;
        final Instant started = Instant.now();
        volatile int tid;

        Call(Command command) {
            this.command = command;
        }

        Module plugin() {
            return command.getClass().getModule();
        }

        boolean fromPlugin() {
            return plugin() != CommandRunner.class.getModule();
        }
    }

    /** Logs failures to {@code log} and publishes them on {@code events}. */
    public CommandRunner(DaemonLog log, EventBus events) {
        this.log = log;
        this.events = events;
    }

    /**
     * Runs {@code command} and returns what the call came to. A call that failed or was given up
     * on changes nothing about the session: its {@code -ERR PLUGIN} reply is the whole outcome.
     */
    Outcome run(Command command, RequestContext context, String arguments) {
        Call blocker = stuck.get(command.getClass().getModule());
        if (blocker != null) {
            context.end();
            return Outcome.of(Reply.error(ErrorCode.PLUGIN, command.name() + " busy: a call to " + pluginName(blocker)
                    + " is still running past its time limit"));
        }
        CompletableFuture<Reply> result = new CompletableFuture<>();
        Call call = new Call(command);
        Thread worker = Thread.ofPlatform().daemon().name("command-" + command.name() + "-" + calls.incrementAndGet())
                .unstarted(() -> call(call, context, arguments, result));
        running.put(worker, call);
        try {
            worker.start();
        } catch (OutOfMemoryError | RuntimeException e) { // the system's thread limit: this call only fails
            running.remove(worker);
            context.end();
            return failed(command, "not run: no thread for it (" + e.getMessage() + ")", null);
        }
        Duration limit = command.timeLimit();
        try {
            Reply reply = result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            List<SessionChange> changes = context.end();
            return reply == null ? failed(command, "returned no reply", null) : new Outcome(reply, changes);
        } catch (TimeoutException e) {
            context.end();
            giveUp(worker, limit);
            return failed(command, "timed out after " + limit.toMillis() + " ms", null);
        } catch (ExecutionException e) {
            context.end();
            return failed(command, "failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            context.end();
            worker.interrupt();
            Thread.currentThread().interrupt();
            return Outcome.of(Reply.error(ErrorCode.SHUTDOWN, "daemon is shutting down"));
        }
    }

    private void call(Call call, RequestContext context, String arguments, CompletableFuture<Reply> result) {
        try {
            call.tid = ThreadNice.currentTid();
            if (call.fromPlugin()) {
                renice(call, PLUGIN_NICE);
            }
            result.complete(call.command.execute(context, arguments));
        } catch (Throwable t) {
            result.completeExceptionally(t);
        } finally {
            running.remove(Thread.currentThread());
            if (stuck.remove(call.plugin(), call)) {
                log.info("Command " + call.command.name() + " ended " + Duration.between(call.started, Instant.now()).toMillis()
                        + " ms after it started; " + pluginName(call) + " takes calls again.");
            }
        }
    }

    /** Lowers a call's priority; where the kernel refuses, the call simply keeps its share. */
    private static void renice(Call call, int nice) {
        if (call.tid <= 0) {
            return; // 0 would mean the calling thread
        }
        try {
            ThreadNice.set(call.tid, nice);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // not fatal: the call runs at the priority it has
        }
    }

    /** Interrupts a call past its limit; one that does not end soon after marks its plugin stuck. */
    private void giveUp(Thread worker, Duration limit) {
        worker.interrupt();
        try {
            worker.join(INTERRUPT_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Call call = running.get(worker);
        if (call == null) {
            return;
        }
        renice(call, STUCK_NICE);
        if (stuck.putIfAbsent(call.plugin(), call) != null) {
            return; // its plugin is stuck already, and was logged as such
        }
        if (running.get(worker) == null) { // it ended just now: nothing is stuck after all
            stuck.remove(call.plugin(), call);
            return;
        }
        Throwable where = new Throwable("stack of " + worker.getName());
        where.setStackTrace(worker.getStackTrace());
        log.error("Command " + call.command.name() + " is stuck: still running " + limit.toMillis()
                + " ms after its limit and ignoring interrupts, " + cpuMillis(worker) + " ms of CPU so far; calls to "
                + pluginName(call) + " are refused until it ends.", where);
    }

    private static long cpuMillis(Thread thread) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(thread.threadId()) : -1;
        return nanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static String pluginName(Call call) {
        String name = call.plugin().getName();
        return name == null ? "the unnamed module" : name;
    }

    private Outcome failed(Command command, String reason, Throwable cause) {
        String safeReason = LogText.escape(reason);
        if (cause == null) {
            log.error("Command " + command.name() + " " + safeReason);
        } else {
            log.error("Command " + command.name() + " " + safeReason, cause);
        }
        events.publish(new DaemonEvent.CommandFailed(Instant.now(), command.name(), reason));
        return Outcome.of(Reply.error(ErrorCode.PLUGIN, command.name() + " " + safeReason));
    }

    /** Calls running past their limit, e.g. {@code spin (mattdaemon.plugin.spin) stuck for 12 s}. */
    public List<String> stuckCalls() {
        Instant now = Instant.now();
        return stuck.values().stream()
                .map(call -> call.command.name() + " (" + pluginName(call) + ") running for "
                        + Duration.between(call.started, now).toSeconds() + " s")
                .sorted()
                .toList();
    }

    /** Interrupts every call still running; none of them can keep the daemon from exiting. */
    @Override
    public void close() {
        running.keySet().forEach(Thread::interrupt);
    }
}

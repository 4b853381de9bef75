package mattdaemon.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.DaemonStatus;
import mattdaemon.api.LineCodec;
import mattdaemon.api.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call past its limit is answered with an error at once; one that ignores the interrupt marks
 * its plugin stuck (refused at once, listed, logged once) until it ends; a late change is dropped.
 */
final class CommandRunnerContainsRunawayCalls {
    private static final DaemonStatus STATUS = new DaemonStatus("1", 1, java.time.Instant.EPOCH, 1, 0, 3, 0,
            Path.of("/dev/null"), false, "");

    @TempDir
    Path temp;
    private SessionFixture fixture;
    private CommandRunner runner;
    private RequestHandler handler;

    @BeforeEach
    void open() throws IOException {
        fixture = new SessionFixture(temp);
        runner = new CommandRunner(fixture.log, fixture.events);
        handler = new RequestHandler(new mattdaemon.core.plugin.CommandRegistry(mattdaemon.core.command.BuiltInCommands.all(new mattdaemon.core.plugin.RefusedPlugins()), fixture.log), fixture.log,
                fixture.events, fixture.policy(false), (id, text) -> { }, () -> STATUS, () -> { });
    }

    @AfterEach
    void close() {
        runner.close();
        handler.close();
        fixture.close();
    }

    /** A command whose body is given, with a 100 ms limit. */
    private record TestCommand(String name, Body body) implements Command {
        interface Body {
            Reply run(CommandContext context) throws Exception;
        }

        @Override
        public String summary() {
            return "test";
        }

        @Override
        public Duration timeLimit() {
            return Duration.ofMillis(100);
        }

        @Override
        public Reply execute(CommandContext context, String arguments) throws Exception {
            return body.run(context);
        }
    }

    private Outcome call(Command command) {
        SessionFixture.TestCaller caller = fixture.caller(false);
        RequestContext.Services services = new RequestContext.Services(fixture.policy(false), runner, fixture.events,
                fixture.log, (id, text) -> { });
        return runner.run(command, new RequestContext(caller, STATUS, handler, services), "");
    }

    @Test
    void callsRunOnPlatformThreadsNotOnTheSessionsScheduler() {
        Outcome outcome = call(new TestCommand("where", c -> Reply.ok(String.valueOf(Thread.currentThread().isVirtual()))));
        assertThat(outcome.reply()).isEqualTo(Reply.ok("false"));
    }

    @Test
    void aLoopThatIgnoresInterruptsMarksItsPluginStuckUntilItEnds() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        Command spin = new TestCommand("spin", c -> {
            while (!release.get()) {
                Thread.onSpinWait();
            }
            return Reply.ok("done");
        });
        assertThat(call(spin).reply()).isEqualTo(Reply.error("PLUGIN", "spin timed out after 100 ms"));

        long start = System.nanoTime();
        Outcome second = call(spin);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(50));
        assertThat(second.reply().text()).startsWith("spin busy: a call to ");
        assertThat(runner.stuckCalls()).singleElement().asString().startsWith("spin (");

        release.set(true);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!runner.stuckCalls().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(runner.stuckCalls()).isEmpty();
        release.set(true);
        assertThat(call(spin).reply()).isEqualTo(Reply.ok("done"));
        assertThat(fixture.logLinesAfterClose())
                .filteredOn(l -> l.contains("Command spin is stuck: still running 100 ms after its limit")).hasSize(1);
    }

    @Test
    void aCallThatHonoursTheInterruptLeavesNothingStuck() {
        Command sleepy = new TestCommand("sleepy", c -> {
            Thread.sleep(60_000);
            return Reply.ok("woke");
        });
        assertThat(call(sleepy).reply()).isEqualTo(Reply.error("PLUGIN", "sleepy timed out after 100 ms"));
        assertThat(runner.stuckCalls()).isEmpty();
        assertThat(call(sleepy).reply().text()).isEqualTo("sleepy timed out after 100 ms");
    }

    @Test
    void aChangeAskedForAfterTheCallWasGivenUpOnIsRefusedAndNeverApplied() throws Exception {
        AtomicReference<Throwable> late = new AtomicReference<>();
        java.util.concurrent.CountDownLatch tried = new java.util.concurrent.CountDownLatch(1);
        Command slow = new TestCommand("slow", c -> {
            long until = System.nanoTime() + Duration.ofMillis(400).toNanos();
            while (System.nanoTime() < until) {
                Thread.onSpinWait(); // ignores the interrupt
            }
            try {
                c.session().useCodec(LineCodec.PLAIN);
            } catch (IllegalStateException e) {
                late.set(e);
            }
            tried.countDown();
            return Reply.ok("too late");
        });
        Outcome outcome = call(slow);
        assertThat(outcome.reply().text()).isEqualTo("slow timed out after 100 ms");
        assertThat(outcome.changes()).isEmpty();
        assertThat(tried.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(late.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("request has ended");
    }

    @Test
    void changesComeBackInTheOrderAsked() {
        Outcome outcome = call(new TestCommand("both", c -> {
            c.session().useCodec(LineCodec.PLAIN);
            c.requestShutdown("test");
            return Reply.ok("ok");
        }));
        assertThat(outcome.changes()).containsExactly(new SessionChange.UseCodec(LineCodec.PLAIN),
                new SessionChange.Shutdown("test"));
    }

    @Test
    void aThrowingOrSilentCommandIsAnErrorReply() {
        assertThat(call(new TestCommand("boom", c -> {
            throw new IllegalStateException("kaboom");
        })).reply()).isEqualTo(Reply.error("PLUGIN", "boom failed: java.lang.IllegalStateException: kaboom"));
        assertThat(call(new TestCommand("nothing", c -> null)).reply())
                .isEqualTo(Reply.error("PLUGIN", "nothing returned no reply"));
    }
}

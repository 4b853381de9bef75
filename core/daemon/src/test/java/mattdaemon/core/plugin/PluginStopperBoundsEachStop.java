package mattdaemon.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mattdaemon.api.Plugin;
import mattdaemon.api.PluginEnvironment;
import mattdaemon.core.log.DaemonLog;

/** Stopping plugins never waits longer than the limit, and a failing stop is logged, not thrown. */
final class PluginStopperBoundsEachStop {
    @TempDir
    Path dir;

    static Plugin plugin(Runnable stop) {
        return new Plugin() {
            @Override
            public void start(PluginEnvironment environment) {
            }

            @Override
            public void stop() {
                stop.run();
            }
        };
    }

    @Test
    void everyPluginIsStoppedAtOnceAndAHangingStopIsGivenUpOn() throws Exception {
        Path logFile = dir.resolve("log/test.log");
        AtomicInteger stopped = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        long started = System.nanoTime();
        try (DaemonLog log = DaemonLog.open(logFile)) {
            new PluginStopper(log, Duration.ofMillis(300)).stopAll(Map.of(
                    "quick", plugin(stopped::incrementAndGet),
                    "hangs", plugin(() -> {
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }),
                    "throws", plugin(() -> {
                        throw new IllegalStateException("broken stop");
                    })));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        never.countDown();

        assertThat(stopped).hasValue(1);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(3));
        String text = Files.readString(logFile);
        assertThat(text).contains("Plugin hangs: stop did not return within 300 ms; its layer is dropped anyway.",
                "Plugin throws: stop failed", "broken stop");
        assertThat(text).doesNotContain("Plugin quick:");
    }
}

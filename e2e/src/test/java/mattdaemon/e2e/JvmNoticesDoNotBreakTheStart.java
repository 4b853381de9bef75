package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the daemon JVM itself prints before the daemon's code runs (a stale AOT cache, a
 * deprecated option) shares the readiness pipe: it is passed on to the launcher's stderr, and
 * the launcher still waits for READY instead of taking the notice for the answer.
 */
class JvmNoticesDoNotBreakTheStart {
    @TempDir
    Path dir;

    @Test
    void noticesBeforeReadyAreForwardedAndTheStartSucceeds() throws Exception {
        try (DaemonUnderTest daemon = new DaemonUnderTest(dir)
                .withEnvironment("DAEMON_JVM_OPTIONS", "-XX:+UseSerialGC --show-version").start()) {
            assertThat(daemon.lastLaunch().stderr()).contains("Matt_daemon: daemon JVM: ").contains("Runtime Environment");
            assertThat(daemon.lastLaunch().stdout()).contains("started, PID " + daemon.pid());
            assertThat(daemon.alive()).isTrue();
        }
    }
}

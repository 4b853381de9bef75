package mattdaemon.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lock file left by a holder that died is taken over, and the dead PID reported. */
final class LockFileReportsAStalePid {
    private static final long MY_PID = ProcessHandle.current().pid();

    @TempDir
    Path temp;

    @Test
    void holderKilledWithSigkillLeavesItsPid() throws Exception {
        Path path = temp.resolve("matt_daemon.lock");
        long deadPid;
        try (OtherProcess other = OtherProcess.start(path)) {
            assertThat(other.firstLine()).isEqualTo("LOCKED " + other.pid());
            deadPid = other.pid();
            other.kill();
        }
        assertThat(Files.readString(path)).isEqualTo(deadPid + "\n");

        try (LockFile lock = LockFile.acquire(path, MY_PID)) {
            assertThat(lock.stalePid()).contains(deadPid);
            assertThat(Files.readString(path)).isEqualTo(MY_PID + "\n");
        }
    }

    @Test
    void leftoverFileWithADeadPid() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        assertThat(finished.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long deadPid = finished.pid();
        Path path = temp.resolve("matt_daemon.lock");
        // longer than the PID written next, so a missing truncate would show
        Files.writeString(path, "  " + deadPid + "\n\n\n\n\n\n\n\n\n\n");

        try (LockFile lock = LockFile.acquire(path, 7)) {
            assertThat(lock.stalePid()).contains(deadPid);
            assertThat(Files.readString(path)).isEqualTo("7\n");
        }
    }

    @Test
    void newOrUnreadableContentIsNoStalePid() throws Exception {
        Path fresh = temp.resolve("fresh.lock");
        try (LockFile lock = LockFile.acquire(fresh, MY_PID)) {
            assertThat(lock.stalePid()).isEmpty();
        }
        Path empty = Files.createFile(temp.resolve("empty.lock"));
        try (LockFile lock = LockFile.acquire(empty, MY_PID)) {
            assertThat(lock.stalePid()).isEmpty();
        }
        Path garbage = Files.writeString(temp.resolve("garbage.lock"), "not a pid\n");
        try (LockFile lock = LockFile.acquire(garbage, MY_PID)) {
            assertThat(lock.stalePid()).isEmpty();
            assertThat(Files.readString(garbage)).isEqualTo(MY_PID + "\n");
        }
    }
}

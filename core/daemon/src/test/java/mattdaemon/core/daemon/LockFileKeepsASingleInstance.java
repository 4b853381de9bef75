package mattdaemon.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock holds the daemon's PID and keeps a second daemon out. File locks belong to a
 * process, so the second daemon is a second JVM ({@link OtherProcess}).
 */
final class LockFileKeepsASingleInstance {
    private static final long MY_PID = ProcessHandle.current().pid();

    @TempDir
    Path temp;

    @Test
    void acquireWritesThePidAndCloseDeletesTheFile() throws Exception {
        Path path = temp.resolve("matt_daemon.lock");
        LockFile lock = LockFile.acquire(path, 4242);
        assertThat(lock.path()).isEqualTo(path);
        assertThat(Files.readString(path)).isEqualTo("4242\n");
        assertThat(Files.isRegularFile(path)).isTrue();
        lock.close();
        assertThat(path).doesNotExist();
    }

    @Test
    void anotherProcessIsRefusedWhileTheLockIsHeld() throws Exception {
        Path path = temp.resolve("matt_daemon.lock");
        try (LockFile _ = LockFile.acquire(path, MY_PID);
             OtherProcess other = OtherProcess.start(path)) {
            assertThat(other.firstLine())
                    .isEqualTo("REFUSED " + path + " held by a running Matt_daemon (PID " + MY_PID + ")");
            assertThat(other.release()).isZero();
            assertThat(Files.readString(path)).isEqualTo(MY_PID + "\n");
        }
        // once released, another process gets it
        try (OtherProcess other = OtherProcess.start(path)) {
            assertThat(other.firstLine()).isEqualTo("LOCKED " + other.pid());
            assertThat(other.release()).isZero();
        }
    }

    @Test
    void aLiveHolderInAnotherProcessRefusesThisOne() throws Exception {
        Path path = temp.resolve("matt_daemon.lock");
        try (OtherProcess other = OtherProcess.start(path)) {
            assertThat(other.firstLine()).isEqualTo("LOCKED " + other.pid());
            assertThatThrownBy(() -> LockFile.acquire(path, MY_PID))
                    .isInstanceOf(LockException.class)
                    .hasMessage(path + " held by a running Matt_daemon (PID " + other.pid() + ")");
            assertThat(Files.readString(path)).isEqualTo(other.pid() + "\n");

            assertThat(other.release()).isZero();
            assertThat(path).doesNotExist();
        }
        try (LockFile lock = LockFile.acquire(path, MY_PID)) {
            assertThat(lock.stalePid()).isEmpty();
        }
    }

    @Test
    void secondAcquireInThisProcessIsRefusedAndTheFirstLockKept() throws Exception {
        Path path = temp.resolve("matt_daemon.lock");
        try (LockFile _ = LockFile.acquire(path, MY_PID)) {
            assertThatThrownBy(() -> LockFile.acquire(path, 1))
                    .isInstanceOf(LockException.class)
                    .hasMessageContaining("already held by this process");
            assertThatThrownBy(() -> LockFile.acquire(temp.resolve(".").resolve("matt_daemon.lock"), 1))
                    .isInstanceOf(LockException.class)
                    .hasMessageContaining("already held by this process");
            // a channel left over by the refused attempt would release the lock when collected
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(50);
            }
            try (OtherProcess other = OtherProcess.start(path)) {
                assertThat(other.firstLine()).startsWith("REFUSED ");
            }
            assertThat(Files.readString(path)).isEqualTo(MY_PID + "\n");
        }
        try (LockFile _ = LockFile.acquire(path, MY_PID)) {
            assertThat(Files.readString(path)).isEqualTo(MY_PID + "\n");
        }
    }

    @Test
    void closingTwiceLeavesALaterHolderAlone() throws Exception {
        Path path = temp.resolve("matt_daemon.lock");
        LockFile first = LockFile.acquire(path, 1);
        first.close();
        try (LockFile _ = LockFile.acquire(path, 2)) {
            first.close();
            assertThat(Files.readString(path)).isEqualTo("2\n");
            assertThatThrownBy(() -> LockFile.acquire(path, 3)).isInstanceOf(LockException.class);
        }
        assertThat(path).doesNotExist();
    }
}

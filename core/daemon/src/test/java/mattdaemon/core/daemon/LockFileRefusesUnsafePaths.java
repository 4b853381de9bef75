package mattdaemon.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import mattdaemon.core.posix.Libc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock folder is world-writable: anything but a plain file of our own at the lock path is
 * refused, and whatever it points to is left alone.
 */
final class LockFileRefusesUnsafePaths {
    @TempDir
    Path temp;

    @Test
    void symbolicLinkIsRefusedAndItsTargetUntouched() throws Exception {
        Path target = Files.writeString(temp.resolve("passwd"), "root:x:0:0\n");
        Path path = Files.createSymbolicLink(temp.resolve("matt_daemon.lock"), target);

        assertThatThrownBy(() -> LockFile.acquire(path, 4242))
                .isInstanceOf(LockException.class)
                .hasMessage(path + " is a symbolic link, refused")
                .satisfies(e -> assertThat(((LockException) e).path()).isEqualTo(path));
        assertThat(Files.readString(target)).isEqualTo("root:x:0:0\n");
        assertThat(Files.isSymbolicLink(path)).isTrue();
    }

    @Test
    void danglingSymbolicLinkIsRefusedAndNothingCreated() throws Exception {
        Path target = temp.resolve("created-through-the-link");
        Path path = Files.createSymbolicLink(temp.resolve("matt_daemon.lock"), target);

        assertThatThrownBy(() -> LockFile.acquire(path, 4242))
                .isInstanceOf(LockException.class)
                .hasMessage(path + " is a symbolic link, refused");
        assertThat(Files.exists(target, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void hardLinkIsRefusedAndTheOtherNameUntouched() throws Exception {
        Path original = Files.writeString(temp.resolve("shadow"), "secret\n");
        Path path = Files.createLink(temp.resolve("matt_daemon.lock"), original);

        assertThatThrownBy(() -> LockFile.acquire(path, 4242))
                .isInstanceOf(LockException.class)
                .hasMessage(path + " has 2 hard links, refused");
        assertThat(Files.readString(original)).isEqualTo("secret\n");
    }

    @Test
    void directoryIsRefused() throws Exception {
        Path path = Files.createDirectory(temp.resolve("matt_daemon.lock"));

        assertThatThrownBy(() -> LockFile.acquire(path, 4242))
                .isInstanceOf(LockException.class)
                .hasMessage(path + " is not a regular file, refused");
        assertThat(path).isDirectory();
    }

    @Test
    void fileOfAnotherUserIsRefused() throws Exception {
        assumeTrue(Libc.geteuid() == 0, "only root can give a file away");
        Path path = Files.writeString(temp.resolve("matt_daemon.lock"), "1\n");
        Files.setAttribute(path, "unix:uid", 65534);

        assertThatThrownBy(() -> LockFile.acquire(path, 4242))
                .isInstanceOf(LockException.class)
                .hasMessage(path + " is owned by uid 65534, not 0, refused");
        assertThat(Files.readString(path)).isEqualTo("1\n");
    }

    @Test
    void missingFolderIsAnErrorNotACrash() {
        Path path = temp.resolve("no-such-folder/matt_daemon.lock");

        assertThatThrownBy(() -> LockFile.acquire(path, 4242))
                .isInstanceOf(LockException.class)
                .hasMessageStartingWith(path + " cannot be opened: ");
    }

    @Test
    void aRefusedPathCanBeLockedOnceMadeSafe() throws Exception {
        Path path = Files.createDirectory(temp.resolve("matt_daemon.lock"));
        assertThatThrownBy(() -> LockFile.acquire(path, 4242)).isInstanceOf(LockException.class);
        Files.delete(path);
        try (LockFile _ = LockFile.acquire(path, 4242)) {
            assertThat(Files.readString(path)).isEqualTo("4242\n");
        }
    }
}

package mattdaemon.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log path that is a symbolic link or cannot be created fails at open, with an IOException. */
final class DaemonLogRefusesUnusablePaths {
    @TempDir
    Path temp;

    @Test
    void symbolicLinkIsRefusedAndItsTargetUntouched() throws IOException {
        Path target = temp.resolve("shadow");
        Files.writeString(target, "secret\n");
        Path file = temp.resolve("matt_daemon.log");
        Files.createSymbolicLink(file, target);

        assertThatThrownBy(() -> DaemonLog.open(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("symbolic link");
        assertThat(Files.readString(target)).isEqualTo("secret\n");
    }

    @Test
    void danglingSymbolicLinkIsRefusedAndNothingCreated() throws IOException {
        Path target = temp.resolve("not-there");
        Path file = temp.resolve("matt_daemon.log");
        Files.createSymbolicLink(file, target);

        assertThatThrownBy(() -> DaemonLog.open(file)).isInstanceOf(IOException.class);
        assertThat(target).doesNotExist();
    }

    @Test
    void pathUnderARegularFileFails() throws IOException {
        Path regular = temp.resolve("regular");
        Files.writeString(regular, "not a folder\n");

        assertThatThrownBy(() -> DaemonLog.open(regular.resolve("matt_daemon.log")))
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(regular)).isEqualTo("not a folder\n");
    }

    @Test
    void directoryAtTheLogPathFails() throws IOException {
        Path file = temp.resolve("matt_daemon.log");
        Files.createDirectory(file);

        assertThatThrownBy(() -> DaemonLog.open(file)).isInstanceOf(IOException.class);
    }
}

package mattdaemon.plugin.servinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitSystemIsReadFromProc {
    @TempDir
    Path root;

    @Test
    void systemdIsTheOneThatMadeRunSystemdSystem() throws Exception {
        Files.createDirectories(root.resolve("proc/1"));
        Files.writeString(root.resolve("proc/1/comm"), "systemd\n");
        Files.createDirectories(root.resolve("run/systemd/system"));
        assertThat(InitSystem.detect(root.resolve("proc"), root.resolve("run"))).isEqualTo(new InitSystem("systemd", true));
    }

    @Test
    void anotherPid1IsNotSystemd() throws Exception {
        Files.createDirectories(root.resolve("proc/1"));
        Files.writeString(root.resolve("proc/1/comm"), "tini\n");
        assertThat(InitSystem.detect(root.resolve("proc"), root.resolve("run"))).isEqualTo(new InitSystem("tini", false));
    }

    @Test
    void anUnreadablePid1IsUnknown() {
        assertThat(InitSystem.detect(root.resolve("proc"), root.resolve("run"))).isEqualTo(new InitSystem("unknown", false));
    }

    @Test
    void thisMachineAgreesWithItsProc() throws Exception {
        InitSystem init = InitSystem.detect();
        assertThat(init.name()).isEqualTo(Files.readString(Path.of("/proc/1/comm")).strip());
        assertThat(init.systemd()).isEqualTo(Files.isDirectory(Path.of("/run/systemd/system")));
    }
}

package mattdaemon.plugin.servinfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What runs as PID 1, and whether it is systemd.
 *
 * @param name    PID 1's command name ({@code /proc/1/comm}), {@code unknown} when unreadable
 * @param systemd whether systemd booted the machine: it creates {@code /run/systemd/system}
 *                (the test of sd_booted(3)); only then does OSHI's service list reflect units
 */
record InitSystem(String name, boolean systemd) {

    /** Reads PID 1 from {@code proc} (normally {@code /proc}) and systemd's mark from {@code run} ({@code /run}). */
    static InitSystem detect(Path proc, Path run) {
        String name;
        try {
            name = Files.readString(proc.resolve("1/comm")).strip();
        } catch (IOException e) {
            name = "unknown";
        }
        return new InitSystem(name.isEmpty() ? "unknown" : name, Files.isDirectory(run.resolve("systemd/system")));
    }

    /** The machine's own. */
    static InitSystem detect() {
        return detect(Path.of("/proc"), Path.of("/run"));
    }
}

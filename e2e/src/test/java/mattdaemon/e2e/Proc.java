package mattdaemon.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's facts from /proc. */
final class Proc {
    private Proc() {
    }

    /** Fields of /proc/PID/stat, index 0 = pid, 1 = comm, 2 = state, 3 = ppid, ... (man 5 proc, minus one). */
    static String[] stat(long pid) throws IOException {
        String text = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        int close = text.lastIndexOf(')');
        String[] rest = text.substring(close + 2).split(" ");
        String[] fields = new String[rest.length + 2];
        fields[0] = String.valueOf(pid);
        fields[1] = text.substring(text.indexOf('(') + 1, close);
        System.arraycopy(rest, 0, fields, 2, rest.length);
        return fields;
    }

    /** A field of /proc/PID/status, e.g. {@code Umask}. */
    static String status(long pid, String key) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(l -> l.startsWith(key + ":"))
                .map(l -> l.substring(key.length() + 1).strip())
                .findFirst().orElseThrow();
    }

    /** User plus system CPU time in clock ticks. */
    static long cpuTicks(long pid) throws IOException {
        String[] stat = stat(pid);
        return Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
    }

    /** Resident set size in KiB. */
    static long rssKib(long pid) throws IOException {
        return Long.parseLong(status(pid, "VmRSS").split("\\s+")[0]);
    }
}

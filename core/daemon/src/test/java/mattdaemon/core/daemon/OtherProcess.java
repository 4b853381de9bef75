package mattdaemon.core.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM taking the lock: file locks belong to a process, so only another process shows
 * what a second daemon would see. {@code main} acquires the lock given as argument, prints
 * {@code LOCKED <pid>} or {@code REFUSED <message>}, and when locked holds the lock until its
 * standard input ends.
 */
final class OtherProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader output;

    private OtherProcess(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws IOException {
        try (LockFile _ = LockFile.acquire(Path.of(args[0]), ProcessHandle.current().pid())) {
            System.out.println("LOCKED " + ProcessHandle.current().pid());
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (LockException e) {
            System.out.println("REFUSED " + e.getMessage());
        }
    }

    /** Starts a JVM that tries to take {@code lock}. */
    static OtherProcess start(Path lock) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(location(LockFile.class) + java.io.File.pathSeparator + location(OtherProcess.class));
        command.add(OtherProcess.class.getName());
        command.add(lock.toString());
        return new OtherProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    private static String location(Class<?> type) throws Exception {
        Path path = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.exists(path)) {
            throw new IllegalStateException("missing " + path);
        }
        return path.toString();
    }

    /** The line the other JVM printed after trying the lock. */
    String firstLine() throws IOException {
        String line = output.readLine();
        if (line == null) {
            throw new IOException("the other JVM printed nothing");
        }
        return line;
    }

    /** The other JVM's PID. */
    long pid() {
        return process.pid();
    }

    /** Kills the other JVM with SIGKILL, as a crash would, and waits for it. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the other JVM release the lock and exit normally; its exit code. */
    int release() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the other JVM did not exit");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}

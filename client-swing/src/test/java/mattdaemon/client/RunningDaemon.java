package mattdaemon.client;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Matt_daemon, started through {@code dist/bin/Matt_daemon} with temporary lock, log,
 * plugin and state paths and a free port; stopped with SIGTERM (then killed) by {@link #close()}.
 * The shipped plugins of {@code dist/plugins/} can be put in its plugin folder before it starts
 * or while it runs, and its log read back.
 */
public final class RunningDaemon implements AutoCloseable {
    private static final Path DIST = Path.of(System.getProperty("dist.dir", "../dist")).toAbsolutePath().normalize();

    private final int port;
    private final long pid;
    private final Path dir;

    private RunningDaemon(int port, long pid, Path dir) {
        this.port = port;
        this.pid = pid;
        this.dir = dir;
    }

    /** Starts a daemon in {@code dir} with the extra {@code options}; fails the test if it does not start. */
    public static RunningDaemon start(Path dir, String... options) throws IOException, InterruptedException {
        int port = freePort();
        Path lock = dir.resolve("matt_daemon.lock");
        Files.createDirectories(pluginDir(dir));
        List<String> command = new ArrayList<>(List.of(DIST.resolve("bin/Matt_daemon").toString(),
                "--port", String.valueOf(port), "--lock", lock.toString(),
                "--log", logFile(dir).toString(), "--plugins", pluginDir(dir).toString(),
                "--state", dir.resolve("state").toString()));
        command.addAll(List.of(options));
        Process launcher = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!launcher.waitFor(60, TimeUnit.SECONDS) || launcher.exitValue() != 0) {
            throw new AssertionError("Matt_daemon did not start: " + output);
        }
        return new RunningDaemon(port, Long.parseLong(Files.readString(lock).strip()), dir);
    }

    private static Path pluginDir(Path dir) {
        return dir.resolve("plugins");
    }

    private static Path logFile(Path dir) {
        return dir.resolve("log/matt_daemon.log");
    }

    /**
     * Puts the shipped plugin {@code name} (its {@code dist/plugins/} folder) in the plugin folder
     * of the daemon to be started in {@code dir}, or running there. The copy is made beside the
     * plugin folder and renamed into it in one step, so a running daemon never sees half a
     * plugin. The daemon only loads root-owned folders and jars nobody else may write to: the
     * copy is made so.
     */
    public static void installShippedPlugin(Path dir, String name) throws IOException {
        Path plugins = Files.createDirectories(pluginDir(dir));
        Path staging = Files.createTempDirectory(dir, "staging-" + name);
        try (var jars = Files.list(DIST.resolve("plugins").resolve(name))) {
            for (Path jar : jars.toList()) {
                Path copy = Files.copy(jar, staging.resolve(jar.getFileName()));
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(staging, plugins.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@link #installShippedPlugin(Path, String)} into this running daemon. */
    public void installShippedPlugin(String name) throws IOException {
        installShippedPlugin(dir, name);
    }

    /**
     * Turns password protection on with {@code daemonpass}, from a connection of its own as an
     * administrator would, over plain TCP (the client under test plays no part).
     */
    public void setPassword(String password) throws IOException {
        try (Socket admin = new Socket("127.0.0.1", port)) {
            admin.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(admin.getInputStream(), StandardCharsets.UTF_8));
            String greeting = in.readLine();
            if (greeting == null || !greeting.endsWith(" ready")) {
                throw new AssertionError("not an open daemon: " + greeting);
            }
            admin.getOutputStream().write(("daemonpass " + password + "\n").getBytes(StandardCharsets.UTF_8));
            String reply = in.readLine();
            if (!"+OK protection on".equals(reply)) {
                throw new AssertionError("daemonpass answered " + reply);
            }
        }
    }

    /** The log's lines so far. */
    public List<String> log() throws IOException {
        Path file = logFile(dir);
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    /** Waits up to {@code seconds} for a log line containing {@code text}, and returns it. */
    public String awaitLog(String text, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            for (String line : log()) {
                if (line.contains(text)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log line with \"" + text + "\" within " + seconds + " s; the log:\n"
                        + String.join("\n", log()));
            }
            Thread.sleep(50);
        }
    }

    /** A port nothing listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Its TCP port on localhost. */
    public int port() {
        return port;
    }

    /** Whether its process still runs (a zombie waiting to be reaped has exited). */
    public boolean alive() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits up to {@code seconds} for the process to end. */
    public boolean awaitExit(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (alive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return !alive();
    }

    @Override
    public void close() {
        try {
            if (alive()) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                if (!awaitExit(10)) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                    awaitExit(5);
                }
            }
        } catch (InterruptedException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }
}

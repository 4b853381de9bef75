package mattdaemon.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real Matt_daemon started through {@code dist/bin/Matt_daemon} with its own temporary lock,
 * log and plugin paths and a free port. Stopped (and, failing that, killed) by {@link #close()}.
 */
class DaemonUnderTest implements AutoCloseable {
    static final Path DIST = Path.of(System.getProperty("dist.dir", "../dist")).toAbsolutePath().normalize();
    static final Path LAUNCHER = DIST.resolve("bin/Matt_daemon");

    final Path dir;
    final Path lockFile;
    final Path logFile;
    final Path pluginDir;
    final Path stateDir;
    final int port;
    private final List<String> extraOptions = new ArrayList<>();
    private final java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();
    private long pid = -1;
    private Launch lastLaunch;

    /** A daemon whose files all live in {@code dir}; nothing runs before {@link #start()}. */
    DaemonUnderTest(Path dir) {
        this.dir = dir;
        this.lockFile = dir.resolve("matt_daemon.lock");
        this.logFile = dir.resolve("log/matt_daemon.log");
        this.pluginDir = dir.resolve("plugins");
        this.stateDir = dir.resolve("state");
        try {
            Files.createDirectories(pluginDir);
            this.port = freePort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Adds options passed at every start. */
    DaemonUnderTest with(String... options) {
        extraOptions.addAll(List.of(options));
        return this;
    }

    /** Sets an environment variable of the launcher (e.g. {@code DAEMON_JVM_OPTIONS}) for every start. */
    DaemonUnderTest withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    List<String> command(String... more) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(),
                "--port", String.valueOf(port), "--lock", lockFile.toString(), "--log", logFile.toString(),
                "--plugins", pluginDir.toString(), "--state", stateDir.toString()));
        command.addAll(extraOptions);
        command.addAll(List.of(more));
        return command;
    }

    /** Runs the launcher and waits for it to return. */
    Launch launch(String... more) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(more));
        builder.environment().putAll(environment);
        return Launch.run(builder, Duration.ofSeconds(60));
    }

    /** Starts and insists on success; remembers the daemon's pid. */
    DaemonUnderTest start() throws IOException, InterruptedException {
        lastLaunch = launch();
        if (lastLaunch.exitCode() != 0) {
            throw new AssertionError("launcher failed: " + lastLaunch);
        }
        pid = Long.parseLong(Files.readString(lockFile).strip());
        return this;
    }

    /** The launcher run of the last {@link #start()}. */
    Launch lastLaunch() {
        return lastLaunch;
    }

    long pid() {
        return pid;
    }

    /** Whether the daemon runs; a zombie waiting for init to reap it has exited. */
    boolean alive() {
        if (pid <= 0 || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            return !Proc.stat(pid)[2].equals("Z");
        } catch (IOException e) {
            return false;
        }
    }

    TestClient connect() throws IOException {
        return TestClient.connect(port);
    }

    /** Connects, reads the greeting, sends one request and returns its reply. */
    List<String> request(String line) throws IOException {
        try (TestClient client = connect()) {
            client.greeting();
            return client.request(line);
        }
    }

    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " failed");
        }
    }

    /** Waits for the daemon process to be gone. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (alive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        return !alive();
    }

    List<String> logLines() throws IOException {
        return Files.exists(logFile) ? Files.readAllLines(logFile, StandardCharsets.UTF_8) : List.of();
    }

    /** Waits until some log line matches, and returns it. */
    String awaitLog(Predicate<String> matcher, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (String line : logLines()) {
                if (matcher.test(line)) {
                    return line;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no log line matched within " + timeout + "; log:\n"
                        + String.join("\n", logLines()));
            }
            Thread.sleep(20);
        }
    }

    /** Waits until at least {@code count} log lines contain {@code text}. */
    void awaitLogCount(String text, int count) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (logLines().stream().filter(l -> l.contains(text)).count() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("fewer than " + count + " log lines contain " + text);
            }
            Thread.sleep(20);
        }
    }

    String awaitLogContaining(String text) throws IOException, InterruptedException {
        return awaitLog(l -> l.contains(text), Duration.ofSeconds(10));
    }

    @Override
    public void close() throws Exception {
        if (alive()) {
            signal("TERM");
            if (!awaitExit(Duration.ofSeconds(10))) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                awaitExit(Duration.ofSeconds(5));
            }
        }
    }

    /** What a launcher run printed and returned. */
    record Launch(int exitCode, String stdout, String stderr, Duration took) {
        static Launch run(List<String> command, Duration timeout) throws IOException, InterruptedException {
            return run(new ProcessBuilder(command), timeout);
        }

        static Launch run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
            Instant started = Instant.now();
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            var out = process.getInputStream();
            var err = process.getErrorStream();
            byte[][] captured = new byte[2][];
            Thread readOut = Thread.ofVirtual().start(() -> captured[0] = readAll(out));
            Thread readErr = Thread.ofVirtual().start(() -> captured[1] = readAll(err));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("launcher did not return within " + timeout);
            }
            Duration took = Duration.between(started, Instant.now());
            readOut.join();
            readErr.join();
            return new Launch(process.exitValue(), new String(captured[0], StandardCharsets.UTF_8),
                    new String(captured[1], StandardCharsets.UTF_8), took);
        }

        private static byte[] readAll(java.io.InputStream in) {
            try {
                return in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        }
    }
}

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The client of bench/plugins (JDK only, run from source: {@code java bench/PluginLatency.java}).
 * <pre>
 *   PluginLatency --dist DIR [--rounds 5] [--warm 50] COMMAND...
 * </pre>
 * Each round starts a real daemon through {@code DIR/bin/Matt_daemon} (its production JVM flags)
 * with temporary paths, the shipped plugin folders of the commands copied from
 * {@code DIR/plugins/}, and a free port; then, on one connection, times each command's first
 * call, then {@code --warm} more calls of each in turn, and stops the daemon. A time is end to
 * end over the socket: from writing the request line to reading its status line. Prints a
 * Markdown table: first call over the rounds, warm calls over all rounds.
 */
public final class PluginLatency {

    public static void main(String[] args) throws Exception {
        Path dist = null;
        int rounds = 5;
        int warm = 50;
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dist" -> dist = Path.of(args[++i]).toAbsolutePath();
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warm" -> warm = Integer.parseInt(args[++i]);
                default -> commands.add(args[i]);
            }
        }
        if (dist == null || commands.isEmpty()) {
            System.err.println("usage: PluginLatency --dist DIR [--rounds N] [--warm N] COMMAND...");
            System.exit(2);
        }
        Map<String, List<Double>> first = new LinkedHashMap<>();
        Map<String, List<Double>> warmed = new LinkedHashMap<>();
        for (String command : commands) {
            first.put(command, new ArrayList<>());
            warmed.put(command, new ArrayList<>());
        }
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        for (int round = 0; round < rounds; round++) {
            runRound(dist, commands, warm, first, warmed);
        }
        System.out.printf(Locale.ROOT, "%d rounds (a fresh daemon each), %d warm calls of each command per round; "
                + "load average at start: %s%n%n", rounds, warm, load);
        System.out.println("| command | first call: median (min–max) | warm: median | warm: p90 | warm: max |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (String command : commands) {
            List<Double> f = sorted(first.get(command));
            List<Double> w = sorted(warmed.get(command));
            System.out.printf(Locale.ROOT, "| `%s` | %.0f ms (%.0f–%.0f) | %.1f ms | %.1f ms | %.1f ms |%n", command,
                    percentile(f, 50), f.getFirst(), f.getLast(), percentile(w, 50), percentile(w, 90), w.getLast());
        }
    }

    private static void runRound(Path dist, List<String> commands, int warm, Map<String, List<Double>> first,
                                 Map<String, List<Double>> warmed) throws Exception {
        Path tmp = Files.createTempDirectory("matt-plugin-bench-");
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String command : commands) {
            copyFolder(dist.resolve("plugins").resolve(command.split(" ")[0]), plugins);
        }
        Path config = Files.writeString(tmp.resolve("empty.conf"), "");
        Path lock = tmp.resolve("matt_daemon.lock");
        int port = freePort();
        Process launcher = new ProcessBuilder(dist.resolve("bin/Matt_daemon").toString(), "--port", String.valueOf(port),
                "--lock", lock.toString(), "--log", tmp.resolve("log/matt_daemon.log").toString(),
                "--plugins", plugins.toString(), "--config", config.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (launcher.waitFor() != 0) {
            throw new IllegalStateException("the daemon did not start");
        }
        long pid = Long.parseLong(Files.readString(lock).strip());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            readLine(in);
            request(in, out, "daemoninfo"); // the client's own code paths warm up on a built-in command
            for (String command : commands) {
                first.get(command).add(request(in, out, command));
            }
            for (int i = 0; i < warm; i++) {
                for (String command : commands) {
                    warmed.get(command).add(request(in, out, command));
                }
            }
        } finally {
            stop(pid);
            try (Stream<Path> walk = Files.walk(tmp)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Milliseconds from writing {@code line} to reading its status line; an -ERR reply aborts the run. */
    private static double request(InputStream in, OutputStream out, String line) throws IOException {
        long start = System.nanoTime();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        while (true) {
            String reply = readLine(in);
            if (reply == null) {
                throw new IOException("connection closed during " + line);
            }
            if (reply.startsWith("-ERR")) {
                throw new IllegalStateException(line + ": " + reply);
            }
            if (reply.startsWith("+OK")) {
                return (System.nanoTime() - start) / 1e6;
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void copyFolder(Path from, Path pluginDir) throws IOException {
        Path to = Files.createDirectories(pluginDir.resolve(from.getFileName()));
        try (Stream<Path> jars = Files.list(from)) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, to.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void stop(long pid) throws InterruptedException {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<Double> sorted(List<Double> values) {
        return values.stream().sorted().toList();
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}

package mattdaemon.core.daemon;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import mattdaemon.core.config.Settings;
import mattdaemon.core.posix.Libc;
import mattdaemon.core.posix.Spawner;

/**
 * The foreground half of daemonising. Java cannot fork, so the launcher spawns a second JVM
 * detached (new session, cwd "/", stdin on /dev/null, daemon signals blocked) and waits on a
 * pipe for its first line: {@code READY <pid>} or {@code ERROR <message>}. It exits 0 only
 * after READY, so "the command returned" means "the daemon listens".
 */
public final class Launcher {
    /** Internal first argument marking the spawned daemon process. */
    public static final String DAEMON_CHILD = "--daemon-child";
    /** The entry point the daemon JVM runs; named, not imported, so Main and the launcher form no cycle. */
    private static final String MAIN_CLASS = "mattdaemon.core.Main";
    /** System property holding extra JVM options for the daemon JVM (set by bin/Matt_daemon). */
    public static final String JVM_OPTIONS_PROPERTY = "mattdaemon.daemon.jvm.options";
    /** SIGRTMIN+10 on glibc: clear of glibc's own (32, 33) and the JDK's I/O wakeup (SIGRTMAX-2). */
    private static final int SUSPEND_RESUME_SIGNAL = 44;
    /** The daemon's PATH: system folders only. */
    static final String SAFE_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";

    private Launcher() {
    }

    /** Starts the daemon with {@code options}; returns the launcher's exit status. */
    public static int launch(List<String> options, Settings settings) {
        int[] pipe = Libc.pipe();
        int pid;
        try {
            pid = Spawner.spawnDetached(daemonCommand(options), daemonEnvironment(), pipe[1], DaemonSignal.ALL);
        } catch (RuntimeException e) {
            Libc.close(pipe[0]);
            System.err.println("Matt_daemon: cannot start the daemon process: " + e.getMessage());
            return 1;
        } finally {
            Libc.close(pipe[1]);
        }
        String answer = awaitAnswer(pipe[0], settings.readyTimeout(), pid);
        if (answer.startsWith("READY ")) {
            System.out.println("Matt_daemon: started, PID " + answer.substring(6).strip()
                    + ", listening on port " + settings.port() + ".");
            return 0;
        }
        System.err.println(answer.startsWith("ERROR ") ? answer.substring(6) : "Matt_daemon: " + answer);
        return 1;
    }

    /**
     * {@code --foreground} (systemd): this process becomes the daemon JVM in place, keeping its pid
     * and stdio, with every daemon signal blocked from exec so that its signalfd sees SIGQUIT too
     * (the JDK's own handlers cannot take it). Returns only if the exec failed.
     */
    public static int execForeground(List<String> options) {
        try {
            Spawner.execBlocked(daemonCommand(options), foregroundEnvironment(), DaemonSignal.ALL);
        } catch (RuntimeException e) {
            System.err.println("Matt_daemon: cannot start the daemon process: " + e.getMessage());
        }
        return 1;
    }

    /** The daemon's first line, or a description of why none came. */
    private static String awaitAnswer(int readFd, Duration timeout, int pid) {
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> line.complete(readAnswer(readFd)));
        try {
            String text = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return text == null ? "the daemon exited before it was ready (see its log)" : text;
        } catch (TimeoutException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            return "the daemon was not ready within " + timeout.toSeconds() + " s; it was killed";
        } catch (InterruptedException | ExecutionException e) {
            return "waiting for the daemon failed: " + e;
        }
    }

    /**
     * The first {@code READY} or {@code ERROR} line from a raw descriptor; null at end of file
     * before one. The daemon JVM writes its own notices to the same pipe before {@code main}
     * runs (a stale or mismatched AOT cache, deprecated options): those are passed on to stderr
     * and the wait goes on, since that JVM keeps starting.
     */
    private static String readAnswer(int fd) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocate(1);
            while (Libc.read(fd, one) == 1) {
                byte b = one.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0);
                if (b != '\n') {
                    bytes.write(b);
                    continue;
                }
                String line = bytes.toString(StandardCharsets.UTF_8);
                if (line.startsWith("READY ") || line.startsWith("ERROR ")) {
                    return line;
                }
                System.err.println("Matt_daemon: daemon JVM: " + line);
                bytes.reset();
            }
            return null;
        } finally {
            Libc.close(fd);
        }
    }

    /**
     * The daemon's whole environment, fixed here and never inherited: a root JVM must not
     * honour what a caller's environment says (JAVA_TOOL_OPTIONS, _JAVA_OPTIONS, LD_PRELOAD,
     * CLASSPATH, an XDG_CACHE_HOME where JNA would unpack native code...). Besides PATH and
     * LANG, one HotSpot setting: the JVM suspends threads with SIGUSR2 by default and unblocks
     * it in its own threads, where it would never reach our signalfd. A real-time signal nobody
     * sends takes that job instead.
     */
    /** The daemon's environment under systemd: the fixed one, and where to send sd_notify's READY=1. */
    static Map<String, String> foregroundEnvironment() {
        Map<String, String> environment = new java.util.HashMap<>(daemonEnvironment());
        String notify = System.getenv("NOTIFY_SOCKET");
        if (notify != null) {
            environment.put("NOTIFY_SOCKET", notify);
        }
        return environment;
    }

    static Map<String, String> daemonEnvironment() {
        return Map.of("PATH", SAFE_PATH, "LANG", "C.UTF-8", "_JAVA_SR_SIGNUM", String.valueOf(SUSPEND_RESUME_SIGNAL));
    }

    /**
     * Every module of the running JDK but its incubator modules, sorted and comma separated, for
     * {@code --add-modules}. Incubators are left out because the JVM warns about them at every
     * start; {@code ALL-SYSTEM} would include them. The list depends on the JDK only, so the
     * daemon's AOT cache, recorded through this launcher, holds for it.
     */
    static String pluginVisibleSystemModules() {
        return java.lang.module.ModuleFinder.ofSystem().findAll().stream()
                .map(reference -> reference.descriptor().name())
                .filter(name -> !name.startsWith("jdk.incubator."))
                .sorted()
                .collect(Collectors.joining(","));
    }

    /** The daemon JVM's command line: same JDK, same modules, absolute paths (it runs in "/"). */
    static List<String> daemonCommand(List<String> options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String extra = System.getProperty(JVM_OPTIONS_PROPERTY, "").strip();
        if (!extra.isEmpty()) {
            command.addAll(Arrays.asList(extra.split("\\s+")));
        }
        // where JNA may load its native library from (bin/Matt_daemon sets them on this JVM)
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("jna.")).sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        // -Xrs: the JVM leaves every signal to us; they are blocked and read from a signalfd
        command.add("-Xrs");
        // jcmd/jstack attach is normally started by SIGQUIT, which the daemon now keeps for itself
        command.add("-XX:+StartAttachListener");
        command.add("--enable-native-access=mattdaemon.core");
        // plugin layers resolve against the boot layer: with every module of this JDK in it, a
        // plugin may require any of them (java.net.http, java.sql, ...), not only what core uses
        command.add("--add-modules");
        command.add(pluginVisibleSystemModules());
        command.add("--module-path");
        command.add(Arrays.stream(System.getProperty("jdk.module.path", "").split(java.io.File.pathSeparator))
                .filter(p -> !p.isEmpty())
                .map(p -> Path.of(p).toAbsolutePath().toString())
                .collect(Collectors.joining(java.io.File.pathSeparator)));
        command.add("--module");
        command.add(Launcher.class.getModule().getName() + "/" + MAIN_CLASS);
        command.add(DAEMON_CHILD);
        command.addAll(options);
        return command;
    }
}

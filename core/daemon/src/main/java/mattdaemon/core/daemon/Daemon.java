package mattdaemon.core.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import mattdaemon.api.DaemonEvent;
import mattdaemon.api.DaemonStatus;
import mattdaemon.core.Version;
import mattdaemon.core.auth.LoginThrottle;
import mattdaemon.core.auth.Protection;
import mattdaemon.core.command.BuiltInCommands;
import mattdaemon.core.config.Settings;
import mattdaemon.core.log.DaemonLog;
import mattdaemon.core.log.SyslogForwarding;
import mattdaemon.core.plugin.CommandRegistry;
import mattdaemon.core.plugin.DaemonPluginEnvironment;
import mattdaemon.core.plugin.PluginManager;
import mattdaemon.core.plugin.PluginWatcher;
import mattdaemon.core.plugin.RefusedPlugins;
import mattdaemon.core.posix.Libc;
import mattdaemon.core.event.EventBus;
import mattdaemon.core.request.RequestHandler;
import mattdaemon.core.request.SecurityPolicy;
import mattdaemon.core.posix.TrustedPath;
import mattdaemon.core.server.Server;
import mattdaemon.core.server.SessionLimits;
import mattdaemon.core.server.ShutdownRequest;
import mattdaemon.core.tls.TlsIdentity;
import mattdaemon.protocol.Notice;

/**
 * The daemon's life: become a daemon, open the log, take the lock, bind the port, report
 * ready, serve until quit or a signal, then stop in order (clients, lock, last log line).
 * This thread is the single owner of the shutdown; everyone else only asks for it.
 */
public final class Daemon {
    private static final int UMASK = 0027;

    private final Settings settings;
    private final Readiness readiness;
    private final boolean detached;
    private final long pid = Libc.getpid();
    private final TrustedPath trust = TrustedPath.ROOT;

    private Daemon(Settings settings, Readiness readiness, boolean detached) {
        this.settings = settings;
        this.readiness = readiness;
        this.detached = detached;
    }

    /** The process spawned by the launcher: reports on its stdout pipe, then detaches stdio. */
    public static int runDetached(Settings settings) {
        return new Daemon(settings, new Readiness.LauncherPipe(System.out), true).run();
    }

    /**
     * {@code --foreground} (systemd), exec'd in place by the launcher with the signals blocked:
     * keeps its pid and stdio, reports through sd_notify when asked to.
     */
    public static int runForeground(Settings settings) {
        return new Daemon(settings, new Readiness.Systemd(System.getenv("NOTIFY_SOCKET"), System.err), false).run();
    }

    /**
     * A failure before the daemon is ready. It is reported to whoever started the daemon only
     * after the lock is released and the log is flushed, so "the launcher returned" means the
     * failed start has left nothing behind.
     */
    private static final class StartFailure extends Exception {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        StartFailure(String message) {
            super(message);
        }
    }

    private int run() {
        becomeDaemon();
        try {
            // checked before the log is opened: root must not write into a folder others control
            trust.checkFolder(settings.logFile().getParent());
        } catch (IOException e) {
            readiness.failed("Can't open log file " + settings.logFile() + ": untrusted " + e.getMessage());
            return 1;
        }
        DaemonLog log;
        try {
            log = DaemonLog.open(settings.logFile(), settings.log());
        } catch (IOException | RuntimeException e) {
            readiness.failed("Can't open log file " + settings.logFile() + ": " + e.getMessage());
            return 1;
        }
        try {
            java.util.Optional<SyslogForwarding.Target> forwarding = SyslogForwarding.Target.from(settings.pluginSettings());
            if (forwarding.isPresent()) {
                log.forwardTo(forwarding.get());
            }
        } catch (IOException | RuntimeException e) {
            log.close();
            readiness.failed("Can't forward the log: " + e.getMessage());
            return 1;
        }
        String failure;
        try {
            return runWithLog(log);
        } catch (StartFailure e) {
            failure = e.getMessage();
        } finally {
            log.close();
        }
        readiness.failed(failure);
        return 1;
    }

    private void becomeDaemon() {
        Libc.umask(UMASK);
        Libc.chdir("/");
        if (detached && Libc.getsid() != pid) {
            Libc.setsid();
        }
    }

    private int runWithLog(DaemonLog log) throws StartFailure {
        log.info("Started.");
        checkTrustedPaths(log);
        LockFile lock;
        try {
            lock = LockFile.acquire(settings.lockFile(), pid);
        } catch (LockException e) {
            log.error("Error file locked: " + e.getMessage() + ".");
            throw new StartFailure("Can't open :" + settings.lockFile() + " (" + e.getMessage() + ")");
        }
        lock.stalePid().ifPresent(p -> log.info("Stale lock of PID " + p + " taken over."));
        try {
            return serve(log);
        } finally {
            try {
                lock.close();
            } catch (IOException e) {
                log.error("Removing the lock file failed: " + e.getMessage());
            }
        }
    }

    /**
     * The folders the daemon loads from or writes into, and the JNA native library folders:
     * each, and every folder above it, root's and writable by nobody else.
     */
    private void checkTrustedPaths(DaemonLog log) throws StartFailure {
        List<Map.Entry<String, Path>> checks = new ArrayList<>();
        checks.add(Map.entry("state folder", settings.stateDir()));
        checks.add(Map.entry("plugin folder", settings.pluginDir()));
        String jna = System.getProperty("jna.boot.library.path", "");
        for (String folder : jna.split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty()) {
                checks.add(Map.entry("native library folder", Path.of(folder)));
            }
        }
        for (Map.Entry<String, Path> check : checks) {
            try {
                trust.checkFolder(check.getValue());
                Path library = check.getValue().resolve(System.mapLibraryName("jnidispatch"));
                if (check.getKey().startsWith("native") && Files.exists(library)) {
                    trust.checkFile(library);
                }
            } catch (IOException e) {
                String message = "Untrusted " + check.getKey() + ": " + e.getMessage();
                log.error(message + ".");
                throw new StartFailure(message);
            }
        }
    }

    private int serve(DaemonLog log) throws StartFailure {
        log.info("Creating server.");
        Protection protection;
        try {
            protection = Protection.load(settings.stateDir(), trust);
        } catch (IOException e) {
            log.error("Password file unusable: " + e.getMessage());
            throw new StartFailure("Can't read the password file: " + e.getMessage());
        }
        SecurityPolicy security = new SecurityPolicy(protection, new CompletableFuture<>(), settings.tlsRequired(),
                new LoginThrottle(java.time.InstantSource.system()));
        ShutdownRequest shutdown = new ShutdownRequest();
        RefusedPlugins refused = new RefusedPlugins();
        CommandRegistry commands = new CommandRegistry(BuiltInCommands.all(refused), log);
        // stopped after the event bus closed: listeners see ShuttingDown before their plugin stops
        PluginManager[] toStop = new PluginManager[1];
        try (EventBus events = new EventBus(commands::listeners, log)) {
            Server server;
            try {
                server = Server.bind(settings.bind().orElse(null), settings.port(), settings.maxClients(),
                        new SessionLimits(settings.maxLineBytes(), settings.idleTimeout(), settings.authGrace(),
                                settings.lineTimeout()),
                        security, log, events);
            } catch (IOException e) {
                log.error(e.getMessage());
                throw new StartFailure(e.getMessage());
            }
            log.info("Server created.");
            loadTlsIdentity(security.tls(), log);
            Instant started = Instant.now();
            Supplier<DaemonStatus> status = () -> new DaemonStatus(Version.CURRENT, pid, started, server.port(),
                    server.clients(), server.maxClients(), commands.pluginCommandCount(), settings.logFile(),
                    protection.enabled(), security.tls().isDone() && !security.tls().isCompletedExceptionally()
                            ? security.tls().join().fingerprint() : "");
            PluginManager plugins = new PluginManager(settings.pluginDir(), Libc.geteuid(), commands, refused, log,
                    name -> new DaemonPluginEnvironment(name, settings.pluginSettings(), settings.stateDir(), log, status),
                    () -> server.broadcast(Notice.PLUGINS_CHANGED));
            toStop[0] = plugins;
            plugins.refresh();
            try (RequestHandler requests = new RequestHandler(commands, log, events, security, server::noticeAllBut,
                    status, plugins::refresh);
                 PluginWatcher watcher = PluginWatcher.start(plugins, log);
                 SignalWatcher signals = watchSignals(log, events, shutdown)) {
                log.info("Entering Daemon mode.");
                log.info("started. PID: " + pid + ".");
                server.start(requests, shutdown);
                readiness.ready(pid);
                if (detached) {
                    Libc.detachStdio();
                }
                String reason = awaitShutdown(shutdown);
                log.info("Shutting down: " + reason + ".");
                events.publish(new DaemonEvent.ShuttingDown(Instant.now(), reason));
                server.close();
            } catch (IOException e) {
                log.error("Plugin folder watch failed: " + e.getMessage());
                server.close();
                throw new StartFailure("Can't watch plugin folder " + settings.pluginDir() + ": " + e.getMessage());
            }
        } finally {
            if (toStop[0] != null) {
                toStop[0].close();
            }
        }
        log.info("Quitting.");
        return 0;
    }

    /**
     * Loads the TLS identity off the start path: creating it the first time takes about a second,
     * and starttls waits for it.
     */
    private void loadTlsIdentity(CompletableFuture<TlsIdentity> identity, DaemonLog log) {
        Thread.ofVirtual().name("tls-identity").start(() -> {
            try {
                TlsIdentity loaded = TlsIdentity.loadOrCreate(settings.stateDir());
                log.info("TLS certificate SHA-256 fingerprint: " + loaded.fingerprint() + ".");
                identity.complete(loaded);
            } catch (Exception e) {
                log.error("TLS unavailable: " + e.getMessage());
                identity.completeExceptionally(e);
            }
        });
    }

    private SignalWatcher watchSignals(DaemonLog log, EventBus events, ShutdownRequest shutdown) {
        java.util.function.Consumer<DaemonSignal> onSignal = signal -> {
            log.info(signal.logLine());
            events.publish(new DaemonEvent.SignalReceived(Instant.now(), signal.fullName(), signal.number()));
            shutdown.request(signal.fullName());
        };
        return SignalWatcher.fromSignalFd(onSignal);
    }

    private static String awaitShutdown(ShutdownRequest shutdown) {
        while (true) {
            try {
                return shutdown.await();
            } catch (InterruptedException e) {
                // only a shutdown request ends the daemon's main thread
            }
        }
    }
}

package mattdaemon.core.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import mattdaemon.core.posix.SignalFd;

/**
 * Turns incoming signals into calls of one handler on a watcher thread.
 * <p>
 * Daemon mode: the launcher spawned this JVM with every {@link DaemonSignal} blocked and
 * {@code -Xrs}, so one signalfd sees them all, SIGQUIT included. Foreground mode (started
 * directly, e.g. by systemd): the JDK's {@code sun.misc.Signal} is the only route, and it
 * cannot take SIGQUIT, which the JVM keeps for thread dumps.
 */
public sealed interface SignalWatcher extends AutoCloseable {

    /** The signals this watcher reports. */
    List<DaemonSignal> watched();

    @Override
    void close();

    /** Reads all daemon signals from a signalfd. */
    static SignalWatcher fromSignalFd(Consumer<DaemonSignal> handler) {
        return new FdWatcher(handler);
    }

    /** Installs JDK signal handlers for every daemon signal the JVM lets us have. */
    static SignalWatcher fromJdk(Consumer<DaemonSignal> handler) {
        return new JdkWatcher(handler);
    }

    /** signalfd route. */
    final class FdWatcher implements SignalWatcher {
        private final SignalFd fd = SignalFd.open(DaemonSignal.ALL);
        private final Thread thread;

        FdWatcher(Consumer<DaemonSignal> handler) {
            thread = Thread.ofPlatform().daemon().name("signals").start(() -> {
                int number;
                while ((number = fd.take()) > 0) {
                    DaemonSignal.byNumber(number).ifPresent(handler);
                }
            });
        }

        @Override
        public List<DaemonSignal> watched() {
            return List.of(DaemonSignal.values());
        }

        @Override
        public void close() {
            // the watcher thread is a daemon thread blocked in read(); it ends with the JVM
        }
    }

    /** sun.misc.Signal route. */
    final class JdkWatcher implements SignalWatcher {
        private final List<DaemonSignal> watched = new ArrayList<>();

        JdkWatcher(Consumer<DaemonSignal> handler) {
            for (DaemonSignal signal : DaemonSignal.values()) {
                try {
                    sun.misc.Signal.handle(new sun.misc.Signal(signal.name()), s -> handler.accept(signal));
                    watched.add(signal);
                } catch (IllegalArgumentException e) {
                    // used by the JVM (QUIT) or ignored at exec (HUP under nohup): left alone
                }
            }
        }

        @Override
        public List<DaemonSignal> watched() {
            return List.copyOf(watched);
        }

        @Override
        public void close() {
            // handlers stay installed until the JVM exits
        }
    }
}

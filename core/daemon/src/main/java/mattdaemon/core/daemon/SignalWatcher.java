package mattdaemon.core.daemon;

import java.util.List;
import java.util.function.Consumer;

import mattdaemon.core.posix.SignalFd;

/**
 * Turns incoming signals into calls of one handler on a watcher thread.
 * <p>
 * The launcher starts the daemon JVM with every {@link DaemonSignal} blocked and {@code -Xrs}
 * (spawned detached, or exec'd in place for {@code --foreground}), so one signalfd sees them
 * all, SIGQUIT included, which the JDK's own handlers cannot take.
 */
public sealed interface SignalWatcher extends AutoCloseable permits SignalWatcher.FdWatcher {

    /** The signals this watcher reports. */
    List<DaemonSignal> watched();

    @Override
    void close();

    /** Reads all daemon signals from a signalfd. */
    static SignalWatcher fromSignalFd(Consumer<DaemonSignal> handler) {
        return new FdWatcher(handler);
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
}

package mattdaemon.core.daemon;

import java.util.function.Consumer;

import mattdaemon.core.posix.SignalFd;

/**
 * Turns incoming signals into calls of one handler on a watcher thread.
 * <p>
 * The launcher starts the daemon JVM with every {@link DaemonSignal} blocked and {@code -Xrs}
 * (spawned detached, or exec'd in place for {@code --foreground}), so one signalfd sees them
 * all, SIGQUIT included, which the JDK's own handlers cannot take.
 */
final class SignalWatcher implements AutoCloseable {
    private final SignalFd fd = SignalFd.open(DaemonSignal.ALL);

    private SignalWatcher(Consumer<DaemonSignal> handler) {
        Thread.ofPlatform().daemon().name("signals").start(() -> {
            int number;
            while ((number = fd.take()) > 0) {
                DaemonSignal.byNumber(number).ifPresent(handler);
            }
        });
    }

    /** Reads all daemon signals from a signalfd and hands each to {@code handler}. */
    static SignalWatcher fromSignalFd(Consumer<DaemonSignal> handler) {
        return new SignalWatcher(handler);
    }

    /** The watcher thread is a daemon thread blocked in read(); it ends with the JVM. */
    @Override
    public void close() {
    }
}

package mattdaemon.core.log;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * {@code log_fsync = everysec}: forces what the writer wrote to the disk at most a second later,
 * on a thread of its own. An fsync of a flood's worth of data takes tens of milliseconds, and
 * done by the writer it held every session's acknowledgement for as long; here the writer keeps
 * writing meanwhile. Once nothing more is written the thread sleeps until something is.
 */
final class LogSync implements AutoCloseable {
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final Consumer<Exception> failed;
    private final Object lock = new Object();
    // guarded by lock
    private FileChannel due;
    private boolean closing;
    // syncing thread only
    private long lastSync = System.nanoTime();
    private final Thread thread;

    /** {@code failed} hears of a failed force, on the syncing thread. */
    LogSync(Consumer<Exception> failed) {
        this.failed = failed;
        this.thread = Thread.ofPlatform().daemon().name("log-sync").start(this::run);
    }

    /** Lines were written to {@code channel}: it is forced within a second. */
    void written(FileChannel channel) {
        synchronized (lock) {
            if (due == null) {
                lock.notifyAll(); // only the first write after a force: the thread then waits out the second
            }
            due = channel;
        }
    }

    private void run() {
        while (true) {
            FileChannel channel;
            synchronized (lock) {
                try {
                    while (due == null && !closing) {
                        lock.wait();
                    }
                    long wait;
                    while (!closing && (wait = EVERY.toNanos() - (System.nanoTime() - lastSync)) > 0) {
                        lock.wait(Math.max(1, wait / 1_000_000));
                    }
                } catch (InterruptedException e) {
                    closing = true;
                }
                channel = due;
                due = null;
                if (channel == null) {
                    return; // closing, and nothing left to force
                }
            }
            force(channel);
            lastSync = System.nanoTime();
        }
    }

    private void force(FileChannel channel) {
        try {
            channel.force(false);
        } catch (ClosedChannelException e) {
            // reopened or rotated meanwhile: the writer forced it before closing it
        } catch (IOException | RuntimeException e) {
            failed.accept(e);
        }
    }

    /** Forces what is still due, then stops. */
    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package mattdaemon.core.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one place a shutdown is asked for (quit, a signal, a fatal error). The first reason wins;
 * a single owner thread waits in {@link #await()} and performs the shutdown, so signal threads
 * and sessions never race to tear things down.
 */
public final class ShutdownRequest {
    private final AtomicReference<String> reason = new AtomicReference<>();
    private final CountDownLatch requested = new CountDownLatch(1);

    /** Asks for shutdown; later calls are ignored. */
    public void request(String why) {
        if (reason.compareAndSet(null, why)) {
            requested.countDown();
        }
    }

    /** Blocks until a shutdown is asked for and returns the reason. */
    public String await() throws InterruptedException {
        requested.await();
        return reason.get();
    }
}

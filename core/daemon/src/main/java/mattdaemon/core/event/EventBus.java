package mattdaemon.core.event;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import mattdaemon.api.DaemonEvent;
import mattdaemon.api.EventListener;
import mattdaemon.core.log.DaemonLog;

/**
 * Delivers events to listeners on one dispatcher thread, off the sessions' threads. The queue
 * is bounded: under a flood, events are dropped (and counted in the log) rather than slowing
 * clients or growing memory.
 */
public final class EventBus implements AutoCloseable {
    private static final int CAPACITY = 4096;

    private final BlockingQueue<DaemonEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Supplier<List<EventListener>> listeners;
    private final DaemonLog log;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread dispatcher;

    /** Starts dispatching to whatever {@code listeners} returns at the time of each event. */
    public EventBus(Supplier<List<EventListener>> listeners, DaemonLog log) {
        this.listeners = listeners;
        this.log = log;
        this.dispatcher = Thread.ofPlatform().daemon().name("events").start(this::dispatch);
    }

    /**
     * Queues an event; never blocks. With no listener loaded there is nobody to deliver to, and
     * the event is not queued at all: each line a client sends would otherwise wake the
     * dispatcher for nothing.
     */
    public void publish(DaemonEvent event) {
        if (!hasListeners()) {
            return;
        }
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    /** Whether any listener is loaded: an event nobody hears need not even be made. */
    public boolean hasListeners() {
        return !listeners.get().isEmpty();
    }

    private void dispatch() {
        try {
            while (true) {
                DaemonEvent event = queue.take();
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    log.error("Event queue full: " + lost + " event(s) not delivered to listeners.");
                }
                deliver(event);
            }
        } catch (InterruptedException e) {
            // closing: remaining events are delivered by close()
        }
    }

    private void deliver(DaemonEvent event) {
        for (EventListener listener : listeners.get()) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException | LinkageError e) {
                log.error("Event listener " + listener.getClass().getName() + " failed on "
                        + event.getClass().getSimpleName(), e);
            }
        }
    }

    /** Stops the dispatcher after delivering what is queued. */
    @Override
    public void close() {
        dispatcher.interrupt();
        try {
            dispatcher.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        DaemonEvent event;
        while ((event = queue.poll()) != null) {
            deliver(event);
        }
    }
}

package mattdaemon.core.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The sessions alive now, bounded by the client limit; a freed slot is reusable at once. */
final class ClientSlots {
    private final int max;
    private final Map<Long, ClientSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private int taken;

    ClientSlots(int max) {
        this.max = max;
    }

    /** A fresh session id, or -1 when every slot is taken. */
    synchronized long reserve() {
        if (taken >= max) {
            return -1;
        }
        taken++;
        notifyAll();
        return nextId.getAndIncrement();
    }

    void register(ClientSession session) {
        sessions.put(session.id(), session);
    }

    synchronized void release(long id) {
        sessions.remove(id);
        taken--;
    }

    /** Blocks while no session is connected: an idle daemon has no deadline to watch. */
    synchronized void awaitAny() throws InterruptedException {
        while (taken == 0) {
            wait();
        }
    }

    synchronized int count() {
        return taken;
    }

    int max() {
        return max;
    }

    List<ClientSession> all() {
        return List.copyOf(sessions.values());
    }
}

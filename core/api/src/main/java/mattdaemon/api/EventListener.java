package mattdaemon.api;

/**
 * Observes daemon events. Called on a daemon thread, never on a client's; must return quickly
 * and hand slow work (mail, network) to its own threads.
 */
public interface EventListener {

    /** Called once per event. */
    void onEvent(DaemonEvent event);
}

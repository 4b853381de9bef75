package mattdaemon.core.plugin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import mattdaemon.api.Plugin;
import mattdaemon.core.log.DaemonLog;

/**
 * Calls {@link Plugin#stop()} on a thread of its own and waits a bounded time for it: a plugin
 * whose stop hangs must hold up neither the rescan (and so every client looking a command up)
 * nor the daemon's shutdown. A stop that throws or overruns is logged; the layer is dropped
 * either way.
 */
final class PluginStopper {
    private final DaemonLog log;
    private final Duration limit;

    PluginStopper(DaemonLog log, Duration limit) {
        this.log = log;
        this.limit = limit;
    }

    /** Stops one plugin, waiting at most the limit. */
    void stop(String name, Plugin plugin) {
        stopAll(Map.of(name, plugin));
    }

    /** Stops the given plugins (by name) all at once, waiting at most the limit in total. */
    void stopAll(Map<String, Plugin> plugins) {
        List<Map.Entry<String, Thread>> threads = new ArrayList<>();
        plugins.forEach((name, plugin) -> threads.add(Map.entry(name,
                Thread.ofPlatform().daemon().name("plugin-stop-" + name).start(() -> stopOne(name, plugin)))));
        long deadline = System.nanoTime() + limit.toNanos();
        boolean interrupted = false;
        for (Map.Entry<String, Thread> entry : threads) {
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    entry.getValue().join(Duration.ofNanos(left));
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (entry.getValue().isAlive()) {
                log.error("Plugin " + entry.getKey() + ": stop did not return within " + limit.toMillis()
                        + " ms; its layer is dropped anyway.");
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopOne(String name, Plugin plugin) {
        Thread thread = Thread.currentThread();
        // the plugin's libraries may look things up through the context loader, as during its calls
        thread.setContextClassLoader(plugin.getClass().getClassLoader());
        try {
            plugin.stop();
        } catch (RuntimeException | LinkageError e) {
            log.error("Plugin " + name + ": stop failed", e);
        }
    }
}

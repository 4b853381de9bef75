package mattdaemon.core.plugin;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

import mattdaemon.core.log.DaemonLog;

/**
 * Refreshes the plugins when the plugin folder or one of its sub-folders changes (inotify
 * through WatchService: no polling, no CPU while nothing happens). Changes are gathered for a
 * short quiet period so a folder being copied in is loaded once, whole; meanwhile the manager
 * knows the folder changed, so a command sent right after a plugin was renamed into place is
 * found by the rescan its lookup starts. Staging folders ({@code .name}, {@code ~name}) are not
 * watched inside.
 */
public final class PluginWatcher implements AutoCloseable {
    private static final long QUIET_MILLIS = 250;

    private final PluginManager manager;
    private final DaemonLog log;
    private final WatchService watcher;
    private final Thread thread;

    private PluginWatcher(PluginManager manager, DaemonLog log, WatchService watcher) {
        this.manager = manager;
        this.log = log;
        this.watcher = watcher;
        this.thread = Thread.ofPlatform().daemon().name("plugin-watcher").start(this::run);
    }

    /** Starts watching; when the folder is missing, plugins are still refreshed on {@code help}. */
    public static PluginWatcher start(PluginManager manager, DaemonLog log) throws IOException {
        PluginWatcher pluginWatcher = new PluginWatcher(manager, log,
                manager.pluginDir().getFileSystem().newWatchService());
        pluginWatcher.registerAll();
        return pluginWatcher;
    }

    private void registerAll() {
        Path dir = manager.pluginDir();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            register(dir);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                            && !PluginScanner.isStaging(entry.getFileName().toString())) {
                        register(entry);
                    }
                }
            }
        } catch (IOException e) {
            log.error("Watching " + dir + " failed: " + e.getMessage() + "; plugins refresh on help only.");
        }
    }

    private void register(Path dir) throws IOException {
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                do {
                    // a lookup of an unknown name rescans from now on, without waiting for the quiet
                    // period; set again for each change, since such a rescan may have cleared it
                    manager.folderChanged();
                    key.pollEvents();
                    key.reset();
                } while ((key = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null);
                registerAll();
                manager.refresh();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("Plugin watcher stopped", e);
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            // closing anyway
        }
        thread.interrupt();
    }
}

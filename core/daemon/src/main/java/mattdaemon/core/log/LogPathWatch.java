package mattdaemon.core.log;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

/**
 * Tells the log writer when its path may name another file than the one it writes (deleted,
 * renamed away, replaced), through the kernel's inotify, so that a quiet log is followed without
 * waking up to look. When the folder cannot be watched (inotify limits, the folder itself
 * removed) it says so through {@link #armed()}, and the writer looks for itself meanwhile.
 */
final class LogPathWatch implements AutoCloseable {
    private final Path dir;
    private final Path name;
    private final Runnable onChange;
    private final WatchService service;
    private volatile boolean armed;

    private LogPathWatch(Path file, Runnable onChange, WatchService service) {
        this.dir = file.toAbsolutePath().getParent();
        this.name = file.getFileName();
        this.onChange = onChange;
        this.service = service;
        rearm();
        if (service != null) {
            Thread.ofPlatform().daemon().name("log-watch").start(this::run);
        }
    }

    /** Watches the folder of {@code file}; {@code onChange} runs on the watching thread. */
    static LogPathWatch start(Path file, Runnable onChange) {
        WatchService service;
        try {
            service = FileSystems.getDefault().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            service = null;
        }
        return new LogPathWatch(file, onChange, service);
    }

    /** Whether a change of the path will be told; while false the writer must look itself. */
    boolean armed() {
        return armed;
    }

    /** Watches the folder again, e.g. once the writer has made it anew; false when it cannot. */
    boolean rearm() {
        if (service == null || armed) {
            return armed;
        }
        try {
            dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
            armed = true;
        } catch (IOException | ClosedWatchServiceException | UnsupportedOperationException e) {
            armed = false;
        }
        return armed;
    }

    private void run() {
        while (true) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            boolean ours = false;
            for (WatchEvent<?> event : key.pollEvents()) {
                // an overflow may have hidden an event about the log
                ours |= event.kind() == StandardWatchEventKinds.OVERFLOW || name.equals(event.context());
            }
            if (!key.reset()) {
                armed = false; // the folder itself is gone: the writer looks, and watches it again
                ours = true;
            }
            if (ours) {
                onChange.run();
            }
        }
    }

    @Override
    public void close() {
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                // the watch thread ends either way
            }
        }
    }
}

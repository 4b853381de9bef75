package mattdaemon.core.plugin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import mattdaemon.api.Plugin;
import mattdaemon.api.PluginEnvironment;
import mattdaemon.core.log.DaemonLog;

/**
 * Keeps the loaded plugins in step with the plugin folder: a new folder is loaded and started, a
 * removed one stopped and unloaded, a changed one reloaded (the new one started, swapped in, then
 * the old one stopped), each change logged, and the command registry updated in one swap.
 * {@link #refresh()} is cheap when nothing changed (a directory listing and a few stats). What
 * was refused, and why, is kept in {@link RefusedPlugins} for clients to see.
 */
public final class PluginManager implements AutoCloseable {
    /** How long a plugin's {@link Plugin#stop()} may take before the daemon goes on without it. */
    static final Duration STOP_LIMIT = Duration.ofSeconds(1);

    private final Path pluginDir;
    private final PluginScanner scanner;
    private final PluginLoader loader;
    private final PluginStopper stopper;
    private final CommandRegistry registry;
    private final RefusedPlugins refused;
    private final DaemonLog log;
    private final Runnable onChange;
    private final Map<String, LoadedPlugin> loaded = new LinkedHashMap<>();
    /** Each folder that failed to load: its stamp, so the same failure is logged once, and why. */
    private final Map<String, Failure> failed = new LinkedHashMap<>();
    private List<RefusedPlugins.Refusal> lastRefusals = List.of();
    /** Set when the watcher saw the folder change, cleared when a refresh starts. */
    private volatile boolean folderChanged = true;
    private boolean closed;

    private record Failure(String stamp, String reason) {
    }

    /**
     * A manager for {@code pluginDir}, whose files must be owned by {@code ownerUid}. It also
     * makes {@code registry} rescan the folder when a name is not found and the folder changed
     * (see {@link CommandRegistry#find}).
     *
     * @param refused  where the refused plugins are kept for clients to see
     * @param onChange called after every refresh that changed the set of commands
     */
    public PluginManager(Path pluginDir, int ownerUid, CommandRegistry registry, RefusedPlugins refused, DaemonLog log,
                         Function<String, PluginEnvironment> environments, Runnable onChange) {
        this.pluginDir = pluginDir;
        this.scanner = new PluginScanner(ownerUid);
        this.stopper = new PluginStopper(log, STOP_LIMIT);
        this.loader = new PluginLoader(ModuleLayer.boot(), environments, stopper);
        this.registry = registry;
        this.refused = refused;
        this.log = log;
        this.onChange = onChange;
        registry.rescanOnMiss(this::refreshIfChanged);
    }

    /** The folder watched. */
    public Path pluginDir() {
        return pluginDir;
    }

    /** Notes that the folder changed, so the next lookup of an unknown name rescans first. */
    void folderChanged() {
        folderChanged = true;
    }

    /** {@link #refresh()} when the folder changed since the last one; otherwise just a flag read. */
    boolean refreshIfChanged() {
        return folderChanged && refresh();
    }

    /** Brings the loaded plugins in line with the folder; returns whether anything changed. */
    public synchronized boolean refresh() {
        folderChanged = false;
        if (closed) {
            return false;
        }
        PluginScanner.Scan scan = scanner.scan(pluginDir);
        Map<String, PluginFolder> present = new LinkedHashMap<>();
        scan.folders().forEach(f -> present.put(f.name(), f));
        Map<String, Plugin> toStop = new TreeMap<>();
        boolean changed = unloadGone(present, toStop);
        for (PluginFolder folder : present.values()) {
            LoadedPlugin current = loaded.get(folder.name());
            if (current != null && current.folder().stamp().equals(folder.stamp())) {
                continue;
            }
            Failure failure = failed.get(folder.name());
            if (failure != null && Objects.equals(failure.stamp(), folder.stamp())) {
                continue;
            }
            changed |= load(folder, current, toStop);
        }
        failed.keySet().retainAll(present.keySet());
        noteRefusals(scan.refusals());
        if (changed) {
            registry.usePlugins(new ArrayList<>(loaded.values()), log);
            // the registry no longer hands out the old commands: now their plugins may stop
            stopper.stopAll(toStop);
            onChange.run();
        }
        return changed;
    }

    private void noteRefusals(List<RefusedPlugins.Refusal> scanned) {
        if (!scanned.equals(lastRefusals)) {
            for (RefusedPlugins.Refusal refusal : scanned) {
                log.error((refusal.plugin().equals(pluginDir.toString()) ? "Plugin folder " : "Plugin ")
                        + refusal.plugin() + " refused: " + refusal.reason() + ".");
            }
            lastRefusals = scanned;
        }
        List<RefusedPlugins.Refusal> all = new ArrayList<>(scanned);
        failed.forEach((name, failure) -> all.add(new RefusedPlugins.Refusal(name, failure.reason())));
        all.sort(Comparator.comparing(RefusedPlugins.Refusal::plugin));
        refused.set(all);
    }

    private boolean unloadGone(Map<String, PluginFolder> present, Map<String, Plugin> toStop) {
        boolean changed = false;
        for (var it = loaded.values().iterator(); it.hasNext(); ) {
            LoadedPlugin plugin = it.next();
            if (!present.containsKey(plugin.name())) {
                it.remove();
                plugin.plugin().ifPresent(p -> toStop.put(plugin.name(), p));
                log.info("Plugin unloaded: " + plugin.describe() + ".");
                changed = true;
            }
        }
        return changed;
    }

    private boolean load(PluginFolder folder, LoadedPlugin previous, Map<String, Plugin> toStop) {
        if (previous != null) {
            previous.plugin().ifPresent(p -> toStop.put(folder.name(), p));
        }
        try {
            LoadedPlugin plugin = loader.load(folder, log::error);
            loaded.put(folder.name(), plugin);
            failed.remove(folder.name());
            log.info((previous == null ? "Plugin loaded: " : "Plugin reloaded: ") + plugin.describe() + ".");
            return true;
        } catch (PluginLoadException e) {
            failed.put(folder.name(), new Failure(folder.stamp(), e.getMessage()));
            log.error("Plugin " + folder.name() + " failed to load: " + e.getMessage(), e.getCause());
            if (previous != null) {
                loaded.remove(folder.name());
                log.info("Plugin unloaded: " + previous.describe() + " (its replacement failed to load).");
                return true;
            }
            return false;
        }
    }

    /** Stops every loaded plugin (the daemon is shutting down) and empties the registry's plugin part. */
    @Override
    public synchronized void close() {
        closed = true;
        Map<String, Plugin> toStop = new TreeMap<>();
        loaded.values().forEach(p -> p.plugin().ifPresent(plugin -> toStop.put(p.name(), plugin)));
        loaded.clear();
        registry.usePlugins(List.of(), log);
        stopper.stopAll(toStop);
    }
}

package mattdaemon.core.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import mattdaemon.api.PluginEnvironment;
import mattdaemon.core.log.DaemonLog;

/**
 * Keeps the loaded plugins in step with the plugin folder: a new folder is loaded, a removed one
 * unloaded, a changed one reloaded, each change logged, and the command registry updated in one
 * swap. {@link #refresh()} is cheap when nothing changed (a directory listing and a few stats).
 */
public final class PluginManager {
    private final Path pluginDir;
    private final PluginScanner scanner;
    private final PluginLoader loader;
    private final CommandRegistry registry;
    private final DaemonLog log;
    private final Runnable onChange;
    private final Map<String, LoadedPlugin> loaded = new LinkedHashMap<>();
    /** Stamp of each folder that failed to load, so the same failure is logged once. */
    private final Map<String, String> failed = new LinkedHashMap<>();
    private List<String> lastRefusals = List.of();

    /**
     * A manager for {@code pluginDir}, whose files must be owned by {@code ownerUid}.
     *
     * @param onChange called after every refresh that changed the set of commands
     */
    public PluginManager(Path pluginDir, int ownerUid, CommandRegistry registry, DaemonLog log,
                         Function<String, PluginEnvironment> environments, Runnable onChange) {
        this.pluginDir = pluginDir;
        this.scanner = new PluginScanner(ownerUid);
        this.loader = new PluginLoader(ModuleLayer.boot(), environments);
        this.registry = registry;
        this.log = log;
        this.onChange = onChange;
    }

    /** The folder watched. */
    public Path pluginDir() {
        return pluginDir;
    }

    /** Brings the loaded plugins in line with the folder; returns whether anything changed. */
    public synchronized boolean refresh() {
        PluginScanner.Scan scan = scanner.scan(pluginDir);
        if (!scan.refusals().equals(lastRefusals)) {
            scan.refusals().forEach(log::error);
            lastRefusals = scan.refusals();
        }
        Map<String, PluginFolder> present = new LinkedHashMap<>();
        scan.folders().forEach(f -> present.put(f.name(), f));
        boolean changed = unloadGone(present);
        for (PluginFolder folder : present.values()) {
            LoadedPlugin current = loaded.get(folder.name());
            if (current != null && current.folder().stamp().equals(folder.stamp())) {
                continue;
            }
            if (Objects.equals(failed.get(folder.name()), folder.stamp())) {
                continue;
            }
            changed |= load(folder, current);
        }
        failed.keySet().retainAll(present.keySet());
        if (changed) {
            registry.usePlugins(new ArrayList<>(loaded.values()), log);
            onChange.run();
        }
        return changed;
    }

    private boolean unloadGone(Map<String, PluginFolder> present) {
        boolean changed = false;
        for (var it = loaded.values().iterator(); it.hasNext(); ) {
            LoadedPlugin plugin = it.next();
            if (!present.containsKey(plugin.name())) {
                it.remove();
                log.info("Plugin unloaded: " + plugin.describe() + ".");
                changed = true;
            }
        }
        return changed;
    }

    private boolean load(PluginFolder folder, LoadedPlugin previous) {
        try {
            LoadedPlugin plugin = loader.load(folder, log::error);
            loaded.put(folder.name(), plugin);
            failed.remove(folder.name());
            log.info((previous == null ? "Plugin loaded: " : "Plugin reloaded: ") + plugin.describe() + ".");
            return true;
        } catch (PluginLoadException e) {
            failed.put(folder.name(), folder.stamp());
            log.error("Plugin " + folder.name() + " failed to load: " + e.getMessage(), e.getCause());
            if (previous != null) {
                loaded.remove(folder.name());
                log.info("Plugin unloaded: " + previous.describe() + " (its replacement failed to load).");
                return true;
            }
            return false;
        }
    }
}

package mattdaemon.core.plugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

import mattdaemon.api.Command;
import mattdaemon.api.CommandInfo;
import mattdaemon.api.EventListener;
import mattdaemon.core.log.DaemonLog;

/**
 * The commands and listeners loaded right now. Readers see an immutable snapshot, so a lookup
 * never waits for, nor sees half of, a reload.
 */
public final class CommandRegistry {
    /** A command and the module it came from. */
    public record Entry(Command command, String module) {
    }

    private final Map<String, Entry> builtIns;
    private final List<EventListener> builtInListeners;
    private volatile Map<String, Entry> commands;
    private volatile List<EventListener> listeners;

    private CommandRegistry(Map<String, Entry> commands, List<EventListener> listeners) {
        this.builtIns = commands;
        this.builtInListeners = listeners;
        this.commands = commands;
        this.listeners = listeners;
    }

    /** The built-in commands and listeners of the boot layer (core's own {@code provides}). */
    public static CommandRegistry builtIns(DaemonLog log) {
        Map<String, Entry> found = new TreeMap<>();
        for (Command command : load(Command.class)) {
            String module = command.getClass().getModule().getName();
            Entry previous = found.putIfAbsent(command.name(), new Entry(command, module));
            if (previous != null) {
                log.error("Duplicate command " + command.name() + " in " + module + " ignored.");
            }
        }
        List<EventListener> listeners = new ArrayList<>();
        load(EventListener.class).forEach(listeners::add);
        return new CommandRegistry(Map.copyOf(found), List.copyOf(listeners));
    }

    /** Services of the core's own layer; on a plain class path (unit tests), of the class path. */
    private static <S> ServiceLoader<S> load(Class<S> service) {
        ModuleLayer layer = CommandRegistry.class.getModule().getLayer();
        return layer == null ? ServiceLoader.load(service) : ServiceLoader.load(layer, service);
    }

    /**
     * Replaces the plugin part with {@code plugins}, in order. A plugin command whose name is
     * taken (by a built-in or an earlier plugin) is refused and logged; the rest of that plugin
     * still loads.
     */
    void usePlugins(List<LoadedPlugin> plugins, DaemonLog log) {
        Map<String, Entry> merged = new TreeMap<>(builtIns);
        List<EventListener> allListeners = new ArrayList<>(builtInListeners);
        for (LoadedPlugin plugin : plugins) {
            for (Command command : plugin.commands()) {
                Entry previous = merged.putIfAbsent(command.name(), new Entry(command, plugin.module()));
                if (previous != null) {
                    log.error("Plugin " + plugin.name() + ": command " + command.name() + " refused, the name is taken by "
                            + previous.module() + ".");
                }
            }
            allListeners.addAll(plugin.listeners());
        }
        commands = Map.copyOf(merged);
        listeners = List.copyOf(allListeners);
    }

    /** The command named {@code name}, if loaded. */
    public Optional<Entry> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** Descriptions of every loaded command, sorted by name. */
    public List<CommandInfo> list() {
        return commands.values().stream()
                .map(e -> new CommandInfo(e.command().name(), e.command().summary(), e.command().usage(), e.module()))
                .sorted(Comparator.comparing(CommandInfo::name))
                .toList();
    }

    /** How many loaded commands come from plugins rather than the core. */
    public int pluginCommandCount() {
        String core = CommandRegistry.class.getModule().getName();
        return (int) commands.values().stream().filter(e -> !e.module().equals(core)).count();
    }

    /** The event listeners loaded right now. */
    public List<EventListener> listeners() {
        return listeners;
    }
}

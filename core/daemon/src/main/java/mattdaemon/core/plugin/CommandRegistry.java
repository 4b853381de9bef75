package mattdaemon.core.plugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import mattdaemon.api.Command;
import mattdaemon.api.CommandInfo;
import mattdaemon.api.EventListener;
import mattdaemon.core.log.DaemonLog;
import mattdaemon.core.protocol.CommandWords;

/**
 * The commands and listeners loaded right now. Readers see an immutable snapshot, so a lookup
 * never waits for, nor sees half of, a reload.
 */
public final class CommandRegistry {
    /** A command and the module it came from. */
    public record Entry(Command command, String module) {
    }

    private static final BooleanSupplier NO_RESCAN = () -> false;

    private final Map<String, Entry> builtIns;
    private volatile Map<String, Entry> commands;
    /** The names of {@link #commands} as bytes; set before it, so a name is never run unseen. */
    private volatile CommandWords words;
    private volatile List<EventListener> listeners = List.of();
    /** Brings the plugins up to date when the folder changed since the last scan; see {@link #find}. */
    private volatile BooleanSupplier rescan = NO_RESCAN;

    /**
     * A registry holding {@code builtIns}, the core's own commands, and no plugin yet. Of two
     * built-ins with the same name the first is kept and the other logged.
     */
    public CommandRegistry(List<? extends Command> builtIns, DaemonLog log) {
        Map<String, Entry> found = new TreeMap<>();
        for (Command command : builtIns) {
            String module = moduleOf(command);
            Entry previous = found.putIfAbsent(command.name(), new Entry(command, module));
            if (previous != null) {
                log.error("Duplicate command " + command.name() + " in " + module + " ignored.");
            }
        }
        this.builtIns = Map.copyOf(found);
        this.words = new CommandWords(this.builtIns.keySet());
        this.commands = this.builtIns;
    }

    /** The module name shown by {@code help}; a class on the class path (unit tests) has none. */
    private static String moduleOf(Object provider) {
        String name = provider.getClass().getModule().getName();
        return name == null ? "unnamed" : name;
    }

    /**
     * Replaces the plugin part with {@code plugins}, in order. A plugin command whose name is
     * taken (by a built-in or an earlier plugin) is refused and logged; the rest of that plugin
     * still loads.
     */
    void usePlugins(List<LoadedPlugin> plugins, DaemonLog log) {
        Map<String, Entry> merged = new TreeMap<>(builtIns);
        List<EventListener> allListeners = new ArrayList<>();
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
        words = new CommandWords(merged.keySet());
        commands = Map.copyOf(merged);
        listeners = List.copyOf(allListeners);
    }

    /**
     * Sets what {@link #find} runs when a name is not loaded: it returns whether the plugins
     * changed, and must be cheap when the plugin folder did not change (a flag check).
     */
    void rescanOnMiss(BooleanSupplier rescan) {
        this.rescan = rescan;
    }

    /**
     * The command named {@code name}, if loaded. A name that is not loaded is looked up once more
     * after a rescan when the plugin folder changed since the last one, so a command is found the
     * moment its plugin is in place, even before the folder watcher's quiet period is over.
     */
    public Optional<Entry> find(String name) {
        Entry entry = commands.get(name);
        if (entry == null && rescan.getAsBoolean()) {
            entry = commands.get(name);
        }
        return Optional.ofNullable(entry);
    }

    /**
     * The names of the loaded commands, to tell messages from commands without decoding them;
     * brought up to date first when the plugin folder changed, as {@link #find} does on a miss.
     */
    public CommandWords words() {
        rescan.getAsBoolean();
        return words;
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
        return (int) commands.keySet().stream().filter(name -> !builtIns.containsKey(name)).count();
    }

    /** The event listeners loaded right now. */
    public List<EventListener> listeners() {
        return listeners;
    }
}

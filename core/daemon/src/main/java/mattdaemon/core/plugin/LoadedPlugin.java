package mattdaemon.core.plugin;

import java.util.List;
import java.util.Optional;

import mattdaemon.api.Command;
import mattdaemon.api.EventListener;
import mattdaemon.api.Plugin;

/**
 * A plugin folder loaded into its own module layer, started.
 *
 * @param folder    where it came from, with the stamp it had when loaded
 * @param module    the name of the module providing its services
 * @param version   that module's version, or {@code unversioned}
 * @param layer     its module layer; dropping every reference to the plugin unloads it
 * @param plugin    its {@link Plugin} provider, started; empty when it has none
 * @param commands  its commands
 * @param listeners its event listeners
 */
record LoadedPlugin(PluginFolder folder, String module, String version, ModuleLayer layer, Optional<Plugin> plugin,
                    List<Command> commands, List<EventListener> listeners) {

    String name() {
        return folder.name();
    }

    /** e.g. {@code machinfo 1.0 (mattdaemon.plugin.machinfo)} */
    String describe() {
        return name() + " " + version + " (" + module + ")";
    }
}

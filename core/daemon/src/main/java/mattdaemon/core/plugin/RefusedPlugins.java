package mattdaemon.core.plugin;

import java.util.List;

/**
 * The plugins refused at the last scan and why, for clients to see: {@code help} names them and
 * {@code daemoninfo} gives each reason. Written by the {@link PluginManager}, read by anyone;
 * readers get an immutable snapshot.
 */
public final class RefusedPlugins {
    /**
     * One refused plugin.
     *
     * @param plugin its folder name, or the plugin folder's path when the whole folder is refused
     * @param reason why, as logged
     */
    public record Refusal(String plugin, String reason) {
    }

    private volatile List<Refusal> current = List.of();

    /** The plugins refused now, in folder name order. */
    public List<Refusal> list() {
        return current;
    }

    void set(List<Refusal> refusals) {
        current = List.copyOf(refusals);
    }
}

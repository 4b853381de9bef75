package mattdaemon.core.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * One sub-folder of the plugin folder: the plugin's jars and everything they depend on.
 *
 * @param name  the folder name, used as the plugin's name
 * @param dir   the folder
 * @param jars  its jar files, sorted
 * @param stamp size, modification time and inode of every jar; a change means "reload"
 */
public record PluginFolder(String name, Path dir, List<Path> jars, String stamp) {
    /** Copies the jar list. */
    public PluginFolder {
        jars = List.copyOf(jars);
    }
}

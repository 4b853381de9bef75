package mattdaemon.core.plugin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds plugin folders and refuses unsafe ones. The daemon runs as root: a plugin folder or
 * jar that another user could write would let that user run code as root, so anything
 * writable by group or others, or owned by anyone but the given owner (the daemon's user), is
 * refused. Folders whose name starts with {@code .} or {@code ~}, or ends with {@code ~}, are
 * not plugins: they are where a plugin is put together before it is renamed into place.
 */
final class PluginScanner {
    private final int ownerUid;

    /**
     * What a scan found: loadable folders, and each thing refused with its reason; a refusal of
     * the whole plugin folder is named by the folder's path.
     */
    record Scan(List<PluginFolder> folders, List<RefusedPlugins.Refusal> refusals) {
    }

    /** A scanner accepting files owned by {@code ownerUid} only. */
    PluginScanner(int ownerUid) {
        this.ownerUid = ownerUid;
    }

    /** Whether a sub-folder named {@code name} is ignored rather than loaded. */
    static boolean isStaging(String name) {
        return name.startsWith(".") || name.startsWith("~") || name.endsWith("~");
    }

    Scan scan(Path pluginDir) {
        List<PluginFolder> folders = new ArrayList<>();
        List<RefusedPlugins.Refusal> refusals = new ArrayList<>();
        if (!Files.isDirectory(pluginDir)) {
            return new Scan(folders, refusals);
        }
        String unsafe = unsafeReason(pluginDir);
        if (unsafe != null) {
            refusals.add(new RefusedPlugins.Refusal(pluginDir.toString(), unsafe + "; no plugins loaded"));
            return new Scan(folders, refusals);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(pluginDir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && !isStaging(entry.getFileName().toString())) {
                    folder(entry, refusals, folders);
                }
            }
        } catch (IOException e) {
            refusals.add(new RefusedPlugins.Refusal(pluginDir.toString(), "unreadable: " + e.getMessage()));
        }
        folders.sort(Comparator.comparing(PluginFolder::name));
        refusals.sort(Comparator.comparing(RefusedPlugins.Refusal::plugin));
        return new Scan(folders, refusals);
    }

    private void folder(Path dir, List<RefusedPlugins.Refusal> refusals, List<PluginFolder> folders) {
        String name = dir.getFileName().toString();
        String unsafe = unsafeReason(dir);
        if (unsafe != null) {
            refusals.add(new RefusedPlugins.Refusal(name, dir + " " + unsafe));
            return;
        }
        List<Path> jars = new ArrayList<>();
        StringBuilder stamp = new StringBuilder();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path jar : entries) {
                unsafe = unsafeReason(jar);
                if (unsafe != null) {
                    refusals.add(new RefusedPlugins.Refusal(name, jar + " " + unsafe));
                    return;
                }
                jars.add(jar);
            }
            jars.sort(null);
            for (Path jar : jars) {
                Map<String, Object> a = Files.readAttributes(jar, "unix:size,lastModifiedTime,ino", LinkOption.NOFOLLOW_LINKS);
                stamp.append(jar.getFileName()).append(':').append(a.get("size")).append(':')
                        .append(a.get("lastModifiedTime")).append(':').append(a.get("ino")).append(';');
            }
        } catch (IOException e) {
            refusals.add(new RefusedPlugins.Refusal(name, "unreadable: " + e.getMessage()));
            return;
        }
        if (jars.isEmpty()) {
            return;
        }
        folders.add(new PluginFolder(name, dir, jars, stamp.toString()));
    }

    /** Why {@code path} is unsafe to load code from, or null. */
    private String unsafeReason(Path path) {
        try {
            if (Files.isSymbolicLink(path)) {
                return "is a symbolic link";
            }
            int uid = (int) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (uid != ownerUid) {
                return "is owned by uid " + uid + ", not " + ownerUid;
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                return "is writable by group or others";
            }
            return null;
        } catch (IOException e) {
            return "cannot be inspected (" + e.getMessage() + ")";
        }
    }
}

package mattdaemon.core.plugin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds plugin folders and refuses unsafe ones. The daemon runs as root: a plugin folder or
 * jar that another user could write would let that user run code as root, so anything
 * writable by group or others, or owned by anyone but the daemon's user, is refused.
 */
final class PluginScanner {
    private final int ownerUid;

    /** What a scan found: loadable folders, and a reason for each thing refused. */
    record Scan(List<PluginFolder> folders, List<String> refusals) {
    }

    PluginScanner(int ownerUid) {
        this.ownerUid = ownerUid;
    }

    Scan scan(Path pluginDir) {
        List<PluginFolder> folders = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        if (!Files.isDirectory(pluginDir)) {
            return new Scan(folders, refusals);
        }
        String unsafe = unsafeReason(pluginDir);
        if (unsafe != null) {
            refusals.add("Plugin folder " + pluginDir + " refused: " + unsafe + "; no plugins loaded.");
            return new Scan(folders, refusals);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(pluginDir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    folder(entry, refusals, folders);
                }
            }
        } catch (IOException e) {
            refusals.add("Plugin folder " + pluginDir + " unreadable: " + e.getMessage());
        }
        folders.sort(java.util.Comparator.comparing(PluginFolder::name));
        return new Scan(folders, refusals);
    }

    private void folder(Path dir, List<String> refusals, List<PluginFolder> folders) {
        String name = dir.getFileName().toString();
        String unsafe = unsafeReason(dir);
        if (unsafe != null) {
            refusals.add("Plugin " + name + " refused: " + dir + " " + unsafe + ".");
            return;
        }
        List<Path> jars = new ArrayList<>();
        StringBuilder stamp = new StringBuilder();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path jar : entries) {
                unsafe = unsafeReason(jar);
                if (unsafe != null) {
                    refusals.add("Plugin " + name + " refused: " + jar + " " + unsafe + ".");
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
            refusals.add("Plugin " + name + " unreadable: " + e.getMessage());
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

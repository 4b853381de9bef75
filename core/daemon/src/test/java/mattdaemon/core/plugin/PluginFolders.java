package mattdaemon.core.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Builds plugin folders in a temporary folder, owned by whoever runs the tests. */
final class PluginFolders {
    private PluginFolders() {
    }

    /** The uid owning {@code path}: the test's own user, root or not. */
    static int owner(Path path) throws IOException {
        return (int) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    /** A plugin folder {@code name} in {@code root}, mode 0755, holding jars with the given names. */
    static Path plugin(Path root, String name, String... jars) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String jar : jars) {
            jar(dir.resolve(jar), "readme.txt");
        }
        return dir;
    }

    /** A plain jar (no module-info, no services) holding one text entry, mode 0644. */
    static Path jar(Path jar, String entry) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            out.write("not a plugin".getBytes());
            out.closeEntry();
        }
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        return jar;
    }
}

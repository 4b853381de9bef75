package mattdaemon.plugin.mail.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads the SMTP password from a file only the daemon's user can read. A file that group or
 * others may read (or write), a symbolic link, or a file owned by another user is refused: the
 * password would not be the daemon's secret any more.
 */
public final class PasswordFile {
    private static final Set<PosixFilePermission> FOREIGN = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PasswordFile() {
    }

    /**
     * The first line of {@code file}, without its line end.
     *
     * @throws IllegalArgumentException saying why the file is refused; the message never holds
     *                                  the file's content
     */
    public static Secret read(Path file) {
        try {
            if (Files.isSymbolicLink(file)) {
                throw refused(file, "is a symbolic link");
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw refused(file, "is not a regular file");
            }
            int owner = (int) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int self = (int) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (owner != self) {
                throw refused(file, "is owned by uid " + owner + ", not by the daemon's uid " + self);
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> foreign = EnumSet.copyOf(FOREIGN);
            foreign.retainAll(mode);
            if (!foreign.isEmpty()) {
                throw refused(file, "is open to group or others (mode " + PosixFilePermissions.toString(mode)
                        + "); make it root-only: chmod 600 " + file);
            }
            String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            String firstLine = content.lines().findFirst().orElse("");
            if (firstLine.isEmpty()) {
                throw refused(file, "is empty");
            }
            return new Secret(firstLine);
        } catch (IOException e) {
            throw refused(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static IllegalArgumentException refused(Path file, String why) {
        return new IllegalArgumentException("smtp.password_file " + file + " refused: it " + why);
    }
}

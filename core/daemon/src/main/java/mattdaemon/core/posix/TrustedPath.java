package mattdaemon.core.posix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a path is safe for root to trust, checked the way sshd's StrictModes does: the file
 * or folder, and every folder above it, must be owned by the trusted user (root) and writable
 * by nobody else, or another user could replace what root reads or writes. A sticky folder
 * writable by all ({@code /tmp}, {@code /var/lock}) is accepted above, never as the folder
 * itself: there nobody can rename or delete what another user owns. Symbolic links are
 * checked where they stand and where they lead.
 *
 * @param owner the user who must own everything (root, that is the effective uid)
 */
public record TrustedPath(int owner) {
    private static final int GROUP_OR_OTHER_WRITE = 0022;
    private static final int GROUP_OR_OTHER_ANY = 0077;
    private static final int STICKY = 01000;
    private static final int TYPE_MASK = 0170000;
    private static final int DIRECTORY = 0040000;
    private static final int REGULAR = 0100000;

    /** Trusts what root owns: the daemon runs as root, and so does whatever checks for it. */
    public static final TrustedPath ROOT = new TrustedPath(0);

    /** Why a path is not trusted; the message names the path and the reason. */
    public static final class UntrustedPathException extends IOException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        UntrustedPathException(Path path, String reason) {
            super(path + ": " + reason);
        }
    }

    /**
     * Checks a folder the daemon writes into or loads from. A folder that does not exist yet is
     * fine when the nearest one above it that exists is: the daemon creates the rest itself.
     */
    public void checkFolder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        Map<String, Object> attributes = attributes(existing);
        if ((mode(attributes) & TYPE_MASK) != DIRECTORY) {
            throw new UntrustedPathException(existing, "not a folder");
        }
        checkEntry(existing, attributes, false);
        checkAbove(existing);
    }

    /**
     * Checks a file root reads (the configuration): a regular file, root's, writable by nobody
     * else, in trusted folders.
     */
    public void checkFile(Path file) throws IOException {
        checkFile(file, GROUP_OR_OTHER_WRITE, "writable by group or others");
    }

    /** Checks a secret (the password hash): as {@link #checkFile}, and readable by root alone. */
    public void checkSecret(Path file) throws IOException {
        checkFile(file, GROUP_OR_OTHER_ANY, "accessible by group or others");
    }

    private void checkFile(Path file, int forbidden, String what) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute)) {
            throw new UntrustedPathException(absolute, "is a symbolic link");
        }
        Map<String, Object> attributes = attributes(absolute);
        int mode = mode(attributes);
        if ((mode & TYPE_MASK) != REGULAR) {
            throw new UntrustedPathException(absolute, "not a regular file");
        }
        checkOwner(absolute, attributes);
        if ((mode & forbidden) != 0) {
            throw new UntrustedPathException(absolute, what + " (mode " + octal(mode) + ")");
        }
        checkAbove(absolute);
    }

    /** Every folder above {@code path}, as written and as its links resolve. */
    private void checkAbove(Path path) throws IOException {
        List<Path> folders = new ArrayList<>();
        for (Path p = path.getParent(); p != null; p = p.getParent()) {
            folders.add(p);
        }
        for (Path p = path.toRealPath().getParent(); p != null; p = p.getParent()) {
            if (!folders.contains(p)) {
                folders.add(p);
            }
        }
        for (Path folder : folders) {
            checkEntry(folder, attributes(folder), true);
        }
    }

    private void checkEntry(Path path, Map<String, Object> attributes, boolean above) throws IOException {
        checkOwner(path, attributes);
        int mode = mode(attributes);
        if ((mode & GROUP_OR_OTHER_WRITE) != 0 && !(above && (mode & STICKY) != 0)) {
            throw new UntrustedPathException(path, "writable by group or others (mode " + octal(mode) + ")");
        }
    }

    private void checkOwner(Path path, Map<String, Object> attributes) throws IOException {
        int uid = (Integer) attributes.get("uid");
        if (uid != owner) {
            throw new UntrustedPathException(path, "owned by uid " + uid + ", not " + (owner == 0 ? "root" : "uid " + owner));
        }
    }

    /** The attributes of what {@code path} leads to (a link's target). */
    private static Map<String, Object> attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, "unix:uid,mode");
        } catch (NoSuchFileException e) {
            throw new UntrustedPathException(path, "does not exist");
        }
    }

    private static int mode(Map<String, Object> attributes) {
        return (Integer) attributes.get("mode");
    }

    private static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }
}

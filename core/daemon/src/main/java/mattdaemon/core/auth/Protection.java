package mattdaemon.core.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Whether clients need a password, and which. The hash lives in a root-only file in the state
 * folder, so protection survives restarts; it is replaced atomically (write aside, rename).
 */
public final class Protection {
    private final Path file;
    private volatile PasswordHash hash;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private Protection(Path file, PasswordHash hash) {
        this.file = file;
        this.hash = hash;
    }

    /**
     * Loads the hash file in {@code stateDir}, if any.
     *
     * @throws IOException when the file exists but is unreadable, unsafe or corrupt: starting
     *                     unprotected by mistake would be worse than not starting
     */
    public static Protection load(Path stateDir) throws IOException {
        Path file = stateDir.resolve("password");
        try {
            if (Files.isSymbolicLink(file)) {
                throw new IOException(file + " is a symbolic link");
            }
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
            if (!mode.endsWith("------")) {
                throw new IOException(file + " is accessible by group or others (" + mode + ")");
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            try {
                return new Protection(file, PasswordHash.decode(text));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " is corrupt: " + e.getMessage());
            }
        } catch (NoSuchFileException e) {
            return new Protection(file, null);
        }
    }

    /** Whether a password is set. */
    public boolean enabled() {
        return hash != null;
    }

    /**
     * Counts password changes (set or cleared) since start: a session authenticated under an
     * earlier generation must authenticate again.
     */
    public long generation() {
        return generation.get();
    }

    /** Whether {@code password} is right; false when protection is off. */
    public boolean verify(char[] password) {
        PasswordHash current = hash;
        return current != null && current.matches(password);
    }

    /** Sets a new password (hashing it) and stores it. */
    public void set(char[] password) throws IOException {
        PasswordHash next = PasswordHash.of(password);
        Files.createDirectories(file.getParent(),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path temporary = Files.createTempFile(file.getParent(), "password", ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, next.encode() + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        hash = next;
        generation.incrementAndGet();
    }

    /** Turns protection off and deletes the stored hash. */
    public void clear() throws IOException {
        Files.deleteIfExists(file);
        hash = null;
        generation.incrementAndGet();
    }
}

package mattdaemon.core.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import mattdaemon.core.posix.TrustedPath;

/**
 * Whether clients need a password, and which. The hash lives in a root-only file in the state
 * folder ({@code password}, root's, mode 0600), so protection survives restarts; it is replaced
 * atomically (write aside, rename). A second file, {@code protected}, records that protection
 * is on: if the hash goes missing while it is there, the daemon refuses to start instead of
 * starting unprotected, and a running daemon lets nobody in.
 * <p>
 * {@code Matt_daemon --set-password} may replace the file while the daemon runs: the daemon
 * looks at the file again at most once a second and takes the new hash;
 * {@link #generation()} changes with every change of the password, so sessions authenticated
 * under an older one can be told apart.
 */
public final class Protection {
    /** The hash file's name in the state folder. */
    public static final String PASSWORD_FILE = "password";
    /** The name of the file recording that protection is on. */
    public static final String MARKER_FILE = "protected";
    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Path file;
    private final Path marker;
    private final TrustedPath trust;
    private final AtomicLong generation = new AtomicLong();
    private volatile PasswordHash hash;
    private volatile boolean required;
    private volatile Object stamp;
    private volatile long nextCheck;

    private Protection(Path stateDir, TrustedPath trust) {
        this.file = stateDir.resolve(PASSWORD_FILE);
        this.marker = stateDir.resolve(MARKER_FILE);
        this.trust = trust;
    }

    /**
     * Loads the hash file in {@code stateDir}, if any.
     *
     * @throws IOException when the file exists but is unreadable, unsafe (not root's 0600) or
     *                     corrupt, or when protection is recorded as on but the file is missing:
     *                     starting unprotected by mistake would be worse than not starting
     */
    public static Protection load(Path stateDir) throws IOException {
        return load(stateDir, TrustedPath.ROOT);
    }

    /** As {@link #load(Path)}, trusting files of {@code trust}'s owner. */
    public static Protection load(Path stateDir, TrustedPath trust) throws IOException {
        Protection protection = new Protection(stateDir, trust);
        protection.read();
        if (protection.required && protection.hash == null) {
            throw new IOException("protection is on (" + protection.marker + " exists) but " + protection.file
                    + " is missing; set a password with Matt_daemon --set-password, or delete "
                    + protection.marker + " to run without one");
        }
        if (protection.hash != null && !protection.required) {
            // a hash from before the marker existed: record that protection is on
            protection.writeMarker();
            protection.required = true;
        }
        return protection;
    }

    /**
     * Stores {@code password} as the one of the daemon whose state folder is {@code stateDir},
     * whether it runs or not ({@code Matt_daemon --set-password}).
     */
    public static void store(Path stateDir, char[] password, TrustedPath trust) throws IOException {
        new Protection(stateDir, trust).set(password);
    }

    /** Whether a password is needed: one is set, or protection is on and its hash is lost. */
    public boolean enabled() {
        refreshIfDue();
        return hash != null || required;
    }

    /** Whether {@code password} is right; false when protection is off. */
    public boolean verify(char[] password) {
        refreshIfDue();
        PasswordHash current = hash;
        return current != null && current.matches(password);
    }

    /** Changes whenever the password is set, changed or removed, here or by another process. */
    public long generation() {
        refreshIfDue();
        return generation.get();
    }

    /** Sets a new password (hashing it) and stores it. */
    public void set(char[] password) throws IOException {
        PasswordHash next = PasswordHash.of(password);
        Files.createDirectories(file.getParent(),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // the marker first: a crash between the two leaves the daemon locked, never open
        writeMarker();
        Path temporary = Files.createTempFile(file.getParent(), "password", ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, next.encode() + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        synchronized (this) {
            hash = next;
            required = true;
            stamp = stampOf(file);
            generation.incrementAndGet();
        }
    }

    /** Turns protection off and deletes the stored hash (the hash first, then the marker). */
    public void clear() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(marker);
        synchronized (this) {
            hash = null;
            required = false;
            stamp = null;
            generation.incrementAndGet();
        }
    }

    private void writeMarker() throws IOException {
        if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
            Files.writeString(Files.createFile(marker,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    "Protection is on: " + PASSWORD_FILE + " holds the password hash.\n", StandardCharsets.US_ASCII);
        }
    }

    /** Reads both files as they are now. */
    private synchronized void read() throws IOException {
        required = Files.exists(marker, LinkOption.NOFOLLOW_LINKS);
        Object now = stampOf(file);
        if (now == null) {
            hash = null;
        } else {
            trust.checkSecret(file);
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            try {
                hash = PasswordHash.decode(text);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " is corrupt: " + e.getMessage());
            }
        }
        stamp = now;
        nextCheck = System.nanoTime() + RECHECK_NANOS;
    }

    /**
     * Takes a hash another process stored, at most once a second. A file that has become
     * unusable keeps the hash held so far; a missing one with the marker there lets nobody in.
     */
    private void refreshIfDue() {
        if (System.nanoTime() - nextCheck < 0) {
            return;
        }
        synchronized (this) {
            if (System.nanoTime() - nextCheck < 0) {
                return;
            }
            nextCheck = System.nanoTime() + RECHECK_NANOS;
            try {
                Object now = stampOf(file);
                boolean marked = Files.exists(marker, LinkOption.NOFOLLOW_LINKS);
                if (Objects.equals(now, stamp) && marked == required) {
                    return;
                }
                PasswordHash before = hash;
                read();
                if (!Objects.equals(before, hash)) {
                    generation.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                // keep what was held: an unreadable file must not open the daemon
            }
        }
    }

    /** What identifies one version of the file (inode, time, size), or null when absent. */
    private static Object stampOf(Path path) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return java.util.List.of(String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size());
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}

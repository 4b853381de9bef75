package mattdaemon.core.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single-instance lock: a regular file holding the daemon's PID, locked for the daemon's
 * whole life and deleted at exit.
 * <p>
 * The lock directory is usually world-writable, so the path is never followed when it is a
 * symbolic link, and a hard link or a file owned by someone else is refused too: the daemon
 * runs as root and would otherwise truncate whatever file the link points to. Java file locks
 * are POSIX record locks that any close of the same file in this JVM releases, so the file is
 * opened exactly once, here.
 */
public final class LockFile implements AutoCloseable {
    /**
     * Lock files held by this process. POSIX locks belong to the process, so this record is
     * process-wide too: a second acquire of a held file must fail before it opens the file, as
     * the JDK refuses the second lock and closing (or collecting) the second channel would
     * release the first one.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<Long> stalePid;

    private LockFile(Path path, Path key, FileChannel channel, FileLock lock, Optional<Long> stalePid) {
        this.path = path;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
        this.stalePid = stalePid;
    }

    /**
     * Takes the lock and writes {@code pid} into the file.
     *
     * @throws LockException when the file is held by a live daemon or is not a safe lock file
     */
    public static LockFile acquire(Path path, long pid) throws LockException {
        refuseUnsafeFile(path);
        Path key = key(path);
        if (!HELD.add(key)) {
            throw new LockException(path, "already held by this process (PID " + ProcessHandle.current().pid() + ")");
        }
        try {
            return acquireNew(path, key, pid);
        } catch (LockException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    /** The file named through its folder's real path, so two spellings of one path match. */
    private static Path key(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.getParent().toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            return absolute;
        }
    }

    private static LockFile acquireNew(Path path, Path key, long pid) throws LockException {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        } catch (FileSystemException e) {
            throw new LockException(path, "cannot be opened: " + reason(e));
        } catch (IOException e) {
            throw new LockException(path, "cannot be opened: " + e.getMessage());
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                Optional<Long> holder = readPid(channel);
                channel.close();
                throw new LockException(path, "held by a running Matt_daemon"
                        + holder.map(p -> " (PID " + p + ")").orElse(""));
            }
            Optional<Long> stale = readPid(channel);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return new LockFile(path, key, channel, lock, stale);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new LockException(path, e.getMessage());
        }
    }

    private static void refuseUnsafeFile(Path path) throws LockException {
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(path, "unix:mode,nlink,uid", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new LockException(path, "cannot be inspected: " + e.getMessage());
        }
        if (Files.isSymbolicLink(path)) {
            throw new LockException(path, "is a symbolic link, refused");
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new LockException(path, "is not a regular file, refused");
        }
        if ((int) attributes.get("nlink") != 1) {
            throw new LockException(path, "has " + attributes.get("nlink") + " hard links, refused");
        }
        int owner = (int) attributes.get("uid");
        int me = mattdaemon.core.posix.Libc.geteuid();
        if (owner != me) {
            throw new LockException(path, "is owned by uid " + owner + ", not " + me + ", refused");
        }
    }

    private static Optional<Long> readPid(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String reason(FileSystemException e) {
        String why = e.getReason();
        return why == null ? e.getClass().getSimpleName() : why;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // already failing; the first error is the one reported
        }
    }

    /** The PID found in a lock file nobody held any more (a daemon killed with SIGKILL). */
    public Optional<Long> stalePid() {
        return stalePid;
    }

    /** The locked path. */
    public Path path() {
        return path;
    }

    /**
     * Deletes the file while still holding the lock, then releases it. Closing again does
     * nothing: by then the path may hold another holder's lock file.
     */
    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } finally {
            try {
                lock.release();
            } finally {
                try {
                    channel.close();
                } finally {
                    HELD.remove(key);
                }
            }
        }
    }
}

package mattdaemon.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one thread that writes the log file, and the backlog of lines waiting for it.
 * <p>
 * Callers copy a formatted line into the backlog and get its sequence number; the writer takes
 * everything waiting at once, writes it, and then releases every caller waiting for a number up
 * to the batch's last (group commit): a lone line is written at once, a flood costs one
 * {@code write} per 64 KiB.
 * <p>
 * A failing write (full disk, I/O error, any exception) never ends the thread: the batch is kept
 * and retried every {@link #RETRY}, the backlog keeps accepting lines up to its limit and refuses
 * the rest, and the first successful write ends the outage with one ERROR line about it. The
 * writer also makes sure the path still names the file it writes, and opens the path again when
 * the file was deleted or renamed away (logrotate's {@code create}): at once when
 * {@link LogPathWatch} tells it the path changed, every {@link #CHECK} while writing, and before
 * the first write after a quiet spell. A quiet log sleeps until a line or the watch wakes it
 * (every {@link #IDLE_CHECK} instead, while the folder cannot be watched).
 */
final class LogWriter implements AutoCloseable {
    static final int CHUNK = 64 * 1024;
    static final Duration RETRY = Duration.ofMillis(200);
    static final Duration CHECK = Duration.ofMillis(200);
    /** How often a quiet log checks its path: nothing is written meanwhile, so nothing can be lost. */
    static final Duration IDLE_CHECK = Duration.ofMillis(900);
    /** How long a closing log keeps retrying a failing write before it gives up. */
    static final Duration CLOSE_GIVE_UP = Duration.ofSeconds(3);
    private static final int SPARE_CHUNKS = 4;
    /** After this much written, a quiet spell of {@link #QUIET} is followed by one full collection. */
    private static final long GIVE_BACK_AFTER_BYTES = 16L * 1024 * 1024;
    static final Duration QUIET = Duration.ofSeconds(3);

    /** A backlog chunk: bytes of whole or partial lines, in order. */
    private static final class Chunk {
        final byte[] bytes;
        int fill;

        Chunk(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    /** What one outage was: kept until the write that ends it. */
    private static final class Outage {
        final Instant since = Instant.now();
        String reason;
        long held;
        long refused;

        Outage(String reason, long held) {
            this.reason = reason;
            this.held = held;
        }

        LogHealth health() {
            return new LogHealth(since, reason, held, refused);
        }
    }

    private final Path file;
    private final LogOptions options;
    private final LogRotation rotation;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition progress = lock.newCondition();
    // guarded by lock
    private final ArrayDeque<Chunk> pending = new ArrayDeque<>();
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private long appended;
    private long pendingBytes;
    private long pendingLines;
    private Outage outage;
    private boolean closing;
    private boolean gaveUp;
    // read without the lock by waiters' fast path
    private volatile long written;
    private volatile long synced;
    private volatile LogHealth health = LogHealth.OK;
    private volatile Object fileKey;
    // writer thread only
    private final ByteBuffer direct = ByteBuffer.allocateDirect(CHUNK);
    private final LogLine ownLine = new LogLine();
    private FileChannel channel;
    private boolean dirty;
    private long writtenSinceCollection;
    private long lastWrite = System.nanoTime();
    private final Thread thread;
    /** Set when the path may name another file now; the writer then follows it at once. */
    private volatile boolean pathChanged;
    private final LogPathWatch watch;
    /** Writer thread only: since when the path has been found empty, or 0. */
    private long missingSince;
    /** Forces the file about once a second under {@code everysec}; null otherwise. */
    private final LogSync everySecond;

    private LogWriter(Path file, LogOptions options, FileChannel channel, Object fileKey) {
        this.file = file;
        this.options = options;
        this.channel = channel;
        this.fileKey = fileKey;
        this.rotation = new LogRotation(file, options);
        this.watch = LogPathWatch.start(file, this::pathChanged);
        this.everySecond = options.fsync() == LogFsync.EVERYSEC ? new LogSync(this::failed) : null;
        this.thread = Thread.ofPlatform().daemon().name("log-write").start(this::run);
    }

    /** Opens (creating it 0640 when missing) and starts writing {@code file}. */
    static LogWriter start(Path file, LogOptions options) throws IOException {
        FileChannel channel = open(file);
        return new LogWriter(file, options, channel, keyOf(file));
    }

    /**
     * Opens the path for appending without following a link, creating it 0640, and checks it is a
     * regular file owned by this process's user (root), so the daemon never writes through
     * something another user put there.
     */
    static FileChannel open(Path file) throws IOException {
        Path dir = file.getParent();
        if (dir != null && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
        }
        if (Files.isSymbolicLink(file)) {
            throw new IOException(file + " is a symbolic link");
        }
        FileChannel channel = FileChannel.open(file,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) {
                throw new IOException(file + " is not a regular file");
            }
            Object owner = Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            Object self = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (!owner.equals(self)) {
                throw new IOException(file + " is owned by uid " + owner + ", not " + self);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    /** The inode (and device) at the path, or null when nothing is there. */
    static Object keyOf(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? a.fileKey() : "not a regular file";
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The identity of the file being written ({@link BasicFileAttributes#fileKey}). */
    Object fileKey() {
        return fileKey;
    }

    LogHealth health() {
        return health;
    }

    /**
     * Copies a line into the backlog and returns its sequence number. While writes succeed and the
     * backlog is full, waits for room; while they fail, returns -1 instead (the line is not kept).
     *
     * @param own a line of the writer itself, always kept: it must not wait for itself
     */
    long append(byte[] bytes, int length, boolean own) {
        int[] end = {length};
        return appendLines(bytes, end, 1, own).seq();
    }

    /** How many of the lines given to {@link #appendLines} were kept, and the sequence number of the last. */
    record Accepted(long seq, int lines) {
        static final Accepted NONE = new Accepted(-1, 0);
    }

    /**
     * Copies lines, one after the other in {@code bytes} (line {@code i} ends at {@code ends[i]}),
     * into the backlog as {@link #append} does each: while writes fail and the backlog has room
     * for only some of them, the first that fit are kept and the rest refused.
     */
    Accepted appendLines(byte[] bytes, int[] ends, int lines, boolean own) {
        int length = ends[lines - 1];
        lock.lock();
        try {
            int kept = lines;
            while (!own && !closing && pendingBytes > 0 && pendingBytes + length > options.backlogBytes()) {
                if (outage != null) {
                    long room = options.backlogBytes() - pendingBytes;
                    kept = 0;
                    while (kept < lines && ends[kept] <= room) {
                        kept++;
                    }
                    outage.refused += lines - kept;
                    health = outage.health();
                    if (kept == 0) {
                        return Accepted.NONE;
                    }
                    length = ends[kept - 1];
                    break;
                }
                progress.awaitUninterruptibly();
            }
            copy(bytes, length);
            pendingBytes += length;
            pendingLines += kept;
            if (outage != null) {
                outage.held += kept;
                health = outage.health();
            }
            work.signal();
            return new Accepted(++appended, kept);
        } finally {
            lock.unlock();
        }
    }

    private void copy(byte[] bytes, int length) {
        int offset = 0;
        Chunk last = pending.peekLast();
        while (offset < length) {
            if (last == null || last.fill == last.bytes.length) {
                byte[] b = spare.poll();
                last = new Chunk(b != null ? b : new byte[CHUNK]);
                pending.add(last);
            }
            int n = Math.min(length - offset, last.bytes.length - last.fill);
            System.arraycopy(bytes, offset, last.bytes, last.fill, n);
            last.fill += n;
            offset += n;
        }
    }

    /**
     * Returns once line {@code seq} is written (and forced to the disk under {@code always}), or
     * the log gave up on it at close, or the waiting thread is interrupted.
     */
    void awaitWritten(long seq) {
        if (done() >= seq) {
            return;
        }
        lock.lock();
        try {
            while (done() < seq && !gaveUp) {
                progress.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private long done() {
        return options.fsync() == LogFsync.ALWAYS ? synced : written;
    }

    /** Empties the file being written: the next line lands at offset 0 (append mode). */
    void truncate() throws IOException {
        lock.lock();
        try {
            // under the lock the writer cannot swap the channel (it reopens holding it too)
            FileChannel current = channel;
            if (current == null) {
                throw new IOException("the log file is not open: " + health);
            }
            current.truncate(0);
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        long lastCheck = System.nanoTime();
        while (true) {
            List<Chunk> batch;
            long seq;
            long bytes;
            long lines;
            lock.lock();
            try {
                if (restsUntilTold()) {
                    while (pending.isEmpty() && !closing && !pathChanged) {
                        work.await();
                    }
                } else {
                    Duration every = missingSince == 0 && System.nanoTime() - lastWrite >= QUIET.toNanos() ? IDLE_CHECK : CHECK;
                    long wait = every.toNanos() - (System.nanoTime() - lastCheck);
                    while (pending.isEmpty() && !closing && !pathChanged && wait > 0) {
                        wait = work.awaitNanos(wait);
                    }
                }
                if (pending.isEmpty() && closing) {
                    break;
                }
                batch = new ArrayList<>(pending);
                pending.clear();
                seq = appended;
                bytes = pendingBytes;
                lines = pendingLines;
            } catch (InterruptedException e) {
                continue;
            } finally {
                lock.unlock();
            }
            if (pathChanged || System.nanoTime() - lastCheck >= CHECK.toNanos()) {
                pathChanged = false;
                lastCheck = System.nanoTime();
                follow();
            }
            if (!batch.isEmpty()) {
                writeAll(batch);
                finished(batch, seq, bytes, lines);
                writtenSinceCollection += bytes;
                lastWrite = System.nanoTime();
            } else {
                giveMemoryBackWhenQuiet();
            }
            syncWhenDue();
        }
        syncWhenDue();
        if (everySecond != null) {
            everySecond.close();
        }
        syncNow();
        closeChannel();
        watch.close();
        rotation.awaitCompression();
    }

    /**
     * Whether the writer may sleep until a line comes or the path changes: nothing left to sync
     * or to give back, and the path watched. An idle daemon then costs no CPU at all; whenever
     * lines come, the path is checked before them once {@link #CHECK} has passed since the last look.
     */
    private boolean restsUntilTold() {
        return watch.armed() && missingSince == 0 && !(dirty && options.fsync() != LogFsync.NO) && writtenSinceCollection < GIVE_BACK_AFTER_BYTES;
    }

    /** Called by the watch: the path may name another file now. */
    private void pathChanged() {
        lock.lock();
        try {
            pathChanged = true;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The serial collector hands heap back to the system only after a full collection, which a
     * quiet daemon never has: after a flood (long hostile lines grow the heap to tens of MiB) the
     * daemon would keep that memory for good. So once a lot was written and the log has been
     * quiet for a few seconds, one collection of the (by then mostly empty) heap lets it shrink;
     * it takes a few milliseconds and happens at most once per flood.
     */
    private void giveMemoryBackWhenQuiet() {
        if (writtenSinceCollection >= GIVE_BACK_AFTER_BYTES && System.nanoTime() - lastWrite >= QUIET.toNanos()) {
            writtenSinceCollection = 0;
            System.gc();
        }
    }

    /** Writes the batch, retrying until it is out or the log gives up at close. */
    private void writeAll(List<Chunk> batch) {
        long closingSince = 0;
        for (Chunk chunk : batch) {
            int offset = 0;
            while (offset < chunk.fill) {
                int n = Math.min(direct.capacity(), chunk.fill - offset);
                direct.clear();
                direct.put(chunk.bytes, offset, n).flip();
                while (direct.hasRemaining()) {
                    try {
                        if (channel == null) {
                            reopen("was not open");
                        }
                        channel.write(direct);
                        dirty = true;
                    } catch (IOException | RuntimeException e) {
                        failed(e);
                        if (hasGivenUp()) {
                            return;
                        }
                        if (isClosing()) {
                            closingSince = closingSince == 0 ? System.nanoTime() : closingSince;
                            if (System.nanoTime() - closingSince > CLOSE_GIVE_UP.toNanos()) {
                                giveUp();
                                return;
                            }
                        }
                        pause();
                        follow();
                    }
                }
                offset += n;
            }
        }
        if (options.fsync() == LogFsync.ALWAYS) {
            while (!syncNow() && !isClosing()) {
                pause();
            }
        }
    }

    /** Releases the batch's waiters, recycles its chunks, and ends an outage with its report. */
    private void finished(List<Chunk> batch, long seq, long bytes, long lines) {
        Outage ended;
        lock.lock();
        try {
            if (gaveUp) {
                pendingBytes -= bytes;
                pendingLines -= lines;
                progress.signalAll();
                return;
            }
            written = seq;
            if (options.fsync() == LogFsync.ALWAYS && !dirty) {
                synced = seq;
            }
            pendingBytes -= bytes;
            pendingLines -= lines;
            for (Chunk c : batch) {
                if (spare.size() < SPARE_CHUNKS && c.bytes.length == CHUNK) {
                    spare.add(c.bytes);
                }
            }
            ended = outage;
            outage = null;
            health = LogHealth.OK;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
        if (ended != null) {
            own(LogLine.Level.ERROR, "Log writes failed from " + ended.since + " to " + Instant.now() + " ("
                    + ended.reason + "): " + ended.held + " lines held and now written, " + ended.refused
                    + " refused with LOGFULL.");
        }
        rotateWhenDue();
    }

    private void failed(Throwable e) {
        String reason = LogText.escape(reasonOf(e));
        lock.lock();
        try {
            if (outage == null) {
                outage = new Outage(reason, pendingLines);
            } else {
                outage.reason = reason;
            }
            health = outage.health();
            // appenders waiting for room must now be refused rather than wait
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static String reasonOf(Throwable e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private void giveUp() {
        lock.lock();
        try {
            gaveUp = true;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean hasGivenUp() {
        lock.lock();
        try {
            return gaveUp;
        } finally {
            lock.unlock();
        }
    }

    private boolean isClosing() {
        lock.lock();
        try {
            return closing;
        } finally {
            lock.unlock();
        }
    }

    private static void pause() {
        try {
            TimeUnit.NANOSECONDS.sleep(RETRY.toNanos());
        } catch (InterruptedException e) {
            // the writer is never interrupted on purpose; keep going
        }
    }

    /**
     * Whether the path has been found empty for {@link #CHECK} at least. A file renamed away is
     * replaced by logrotate's {@code create} at once; were the writer to make it first, logrotate
     * would fail to, or truncate lines already in it. So an empty path is given that long (lines
     * go on into the renamed file meanwhile) before the writer makes the file itself.
     */
    private boolean missingLongEnough() {
        long now = System.nanoTime();
        if (missingSince == 0) {
            missingSince = now | 1;
            return false;
        }
        return now - missingSince >= CHECK.toNanos();
    }

    /** Opens the path again when it no longer names the file being written. */
    private void follow() {
        Object key;
        try {
            key = keyOf(file);
        } catch (IOException | RuntimeException e) {
            return; // cannot tell: keep writing where we are
        }
        if (channel != null && Objects.equals(key, fileKey)) {
            watch.rearm(); // no-op while armed; the folder may have been made anew
            return;
        }
        if (channel != null && key == null && !missingLongEnough()) {
            return; // renamed away, most likely by logrotate, whose create comes next: let it make the file
        }
        missingSince = 0;
        String what = channel == null ? "was not open" : key == null ? "was deleted" : "was renamed away or replaced";
        try {
            reopen(what);
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
        watch.rearm(); // reopening may have made the folder anew
    }

    /** Swaps the channel for one on the path; logs why. */
    private void reopen(String why) throws IOException {
        FileChannel fresh = open(file);
        Object key = keyOf(file);
        FileChannel old;
        lock.lock();
        try {
            old = channel;
            channel = fresh;
            fileKey = key;
        } finally {
            lock.unlock();
        }
        if (old != null) {
            syncChannel(old);
            try {
                old.close();
            } catch (IOException e) {
                // the lines are written; closing the old file is best effort
            }
        }
        own(LogLine.Level.INFO, "Log file " + file + " " + why + "; reopened.");
    }

    private void own(LogLine.Level level, String message) {
        ownLine.format(level, "", message, null);
        append(ownLine.bytes(), ownLine.length(), true);
    }

    /** Under {@code everysec}, hands what was written to the syncing thread. */
    private void syncWhenDue() {
        if (everySecond != null && dirty && channel != null) {
            everySecond.written(channel);
            dirty = false;
        }
    }

    /** Forces what is written to the disk; false (and an outage) when that fails. */
    private boolean syncNow() {
        if (!dirty || channel == null || options.fsync() == LogFsync.NO) {
            return true;
        }
        try {
            channel.force(false);
            dirty = false;
            return true;
        } catch (IOException | RuntimeException e) {
            failed(e);
            return false;
        }
    }

    private void syncChannel(FileChannel c) {
        if (options.fsync() != LogFsync.NO) {
            try {
                c.force(false);
            } catch (IOException e) {
                // the new file gets the lines from now on; the old one had its chance
            }
        }
    }

    private void rotateWhenDue() {
        if (options.rotateBytes() <= 0 || channel == null) {
            return;
        }
        try {
            if (channel.size() < options.rotateBytes()) {
                return;
            }
            syncChannel(channel);
            lock.lock();
            try {
                channel.close();
                channel = null;
                rotation.shift();
            } finally {
                lock.unlock();
            }
            reopen("reached " + options.rotateBytes() / 1024 + " KiB; rotated to " + file.getFileName() + ".1");
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing is left to write
            }
        }
    }

    /** Writes every line accepted so far (giving up after {@link #CLOSE_GIVE_UP} of failures) and stops. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

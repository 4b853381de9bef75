package mattdaemon.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code everysec} off the writer's thread: a real file's channel, with every force it gets
 * recorded, is forced at most once a second however often it is written, within about a second
 * of a write, and once more at close; a closed channel is skipped, a failing force reported.
 */
final class LogSyncForcesOnceASecond {
    @TempDir
    Path temp;

    /** A real file channel that notes the time of every force. */
    private static final class Recorded extends FileChannel {
        final FileChannel real;
        final List<Long> forces = Collections.synchronizedList(new ArrayList<>());
        volatile IOException failure;

        Recorded(FileChannel real) {
            this.real = real;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (!isOpen()) {
                throw new java.nio.channels.ClosedChannelException();
            }
            if (failure != null) {
                throw failure;
            }
            real.force(metaData);
            forces.add(System.nanoTime());
        }

        @Override public int read(ByteBuffer dst) throws IOException { return real.read(dst); }
        @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return real.read(dsts, offset, length); }
        @Override public int write(ByteBuffer src) throws IOException { return real.write(src); }
        @Override public long write(ByteBuffer[] srcs, int offset, int length) throws IOException { return real.write(srcs, offset, length); }
        @Override public long position() throws IOException { return real.position(); }
        @Override public FileChannel position(long p) throws IOException { real.position(p); return this; }
        @Override public long size() throws IOException { return real.size(); }
        @Override public FileChannel truncate(long size) throws IOException { real.truncate(size); return this; }
        @Override public long transferTo(long p, long c, WritableByteChannel t) throws IOException { return real.transferTo(p, c, t); }
        @Override public long transferFrom(ReadableByteChannel s, long p, long c) throws IOException { return real.transferFrom(s, p, c); }
        @Override public int read(ByteBuffer dst, long p) throws IOException { return real.read(dst, p); }
        @Override public int write(ByteBuffer src, long p) throws IOException { return real.write(src, p); }
        @Override public MappedByteBuffer map(MapMode m, long p, long s) throws IOException { return real.map(m, p, s); }
        @Override public FileLock lock(long p, long s, boolean sh) throws IOException { return real.lock(p, s, sh); }
        @Override public FileLock tryLock(long p, long s, boolean sh) throws IOException { return real.tryLock(p, s, sh); }
        @Override protected void implCloseChannel() throws IOException { real.close(); }
    }

    private Recorded channel() throws IOException {
        return new Recorded(FileChannel.open(temp.resolve("log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    @Test
    void manyWritesAreForcedAtMostOnceASecondAndOnceMoreAtClose() throws Exception {
        Recorded channel = channel();
        List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (LogSync sync = new LogSync(failures::add)) {
            while (System.nanoTime() - start < 2_500_000_000L) {
                channel.write(ByteBuffer.wrap("line\n".getBytes()));
                sync.written(channel);
                Thread.sleep(5);
            }
            assertThat(channel.forces).hasSizeBetween(2, 3);
            for (int i = 1; i < channel.forces.size(); i++) {
                assertThat(channel.forces.get(i) - channel.forces.get(i - 1)).isGreaterThanOrEqualTo(990_000_000L);
            }
            channel.write(ByteBuffer.wrap("last\n".getBytes()));
            sync.written(channel);
        }
        assertThat(channel.forces).as("the last write is forced at close").hasSizeBetween(3, 4);
        assertThat(failures).isEmpty();
        channel.close();
    }

    @Test
    void nothingWrittenNothingForced() throws Exception {
        Recorded channel = channel();
        try (LogSync sync = new LogSync(e -> { })) {
            Thread.sleep(1500);
        }
        assertThat(channel.forces).isEmpty();
        channel.close();
    }

    @Test
    void aClosedChannelIsSkippedAndAFailingForceReported() throws Exception {
        List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
        Recorded closed = channel();
        Recorded failing = channel();
        failing.failure = new IOException("Input/output error");
        try (LogSync sync = new LogSync(failures::add)) {
            sync.written(closed);
            closed.close();
        }
        assertThat(failures).isEmpty();
        try (LogSync sync = new LogSync(failures::add)) {
            sync.written(failing);
        }
        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("Input/output error");
        failing.close();
    }
}

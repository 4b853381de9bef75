package mattdaemon.core.server;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Remembers since when a write to the client has been blocked. Java sockets have no write
 * timeout, so a client that stops reading its replies would otherwise hold its slot forever;
 * {@link ClientSession#enforceDeadlines} uses this to close it.
 */
final class WatchedOutputStream extends FilterOutputStream {
    private volatile long blockedSinceNanos;

    WatchedOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        blockedSinceNanos = System.nanoTime() | 1; // never 0 while writing
        try {
            out.write(bytes, offset, length);
        } finally {
            blockedSinceNanos = 0;
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** Nanoseconds the current write has been blocked, or 0 when none is in progress. */
    long blockedNanos() {
        long since = blockedSinceNanos;
        return since == 0 ? 0 : System.nanoTime() - since;
    }
}

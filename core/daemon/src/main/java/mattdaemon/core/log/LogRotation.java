package mattdaemon.core.log;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;

import org.apache.logging.log4j.core.appender.rolling.action.FileRenameAction;
import org.apache.logging.log4j.core.appender.rolling.action.GzCompressAction;

/**
 * The built-in size-based rotation, for machines without logrotate: {@code file} becomes
 * {@code file.1}, older archives move up by one and the oldest beyond the kept number is deleted.
 * Renaming and gzip are Log4j2's rollover actions; compression runs on its own thread so the
 * writer is not held up, and the next rotation waits for it.
 */
final class LogRotation {
    private final Path file;
    private final LogOptions options;
    private Thread compression;

    LogRotation(Path file, LogOptions options) {
        this.file = file;
        this.options = options;
    }

    private File archive(int n) {
        return new File(file + "." + n + (options.rotateGzip() ? ".gz" : ""));
    }

    /** Moves the archives up and the file to {@code file.1}. The caller has closed the file. */
    void shift() throws IOException {
        awaitCompression();
        Files.deleteIfExists(archive(options.rotateKeep()).toPath());
        for (int n = options.rotateKeep() - 1; n >= 1; n--) {
            if (archive(n).exists()) {
                FileRenameAction.execute(archive(n), archive(n + 1), true);
            }
        }
        File first = new File(file + ".1");
        if (!FileRenameAction.execute(file.toFile(), first, true)) {
            throw new IOException("could not rename " + file + " to " + first);
        }
        if (options.rotateGzip()) {
            File gz = archive(1);
            compression = Thread.ofVirtual().name("log-gzip").start(() -> {
                try {
                    GzCompressAction.execute(first, gz, true, Deflater.DEFAULT_COMPRESSION);
                } catch (IOException e) {
                    // the archive stays uncompressed as file.1; the next rotation moves it on
                }
            });
        }
    }

    /** Waits for the last archive's compression. */
    void awaitCompression() {
        Thread c = compression;
        if (c != null) {
            try {
                c.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package mattdaemon.core.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.appender.OutputStreamManager;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * The log file, written through Log4j2 as
 * {@code [DD/MM/YYYY-HH:MM:SS] [ LEVEL ] - Matt_daemon: message}.
 * <p>
 * Each caller formats its own line into one shared buffer (Log4j2's garbage-free synchronous
 * path, so sessions format in parallel and nothing is queued or copied), and a flusher thread
 * writes the buffer out: nothing is dropped, no caller waits on the disk per line, and a reader
 * of the file sees a line within milliseconds. Callers pass plain text; client text must
 * already be escaped with {@link LogText}.
 */
public final class DaemonLog implements AutoCloseable {
    /** Level of client messages, printed as {@code LOG}; between WARN and INFO. */
    public static final Level USER_INPUT = Level.forName("LOG", 350);
    /** The pattern of every line. */
    public static final String PATTERN = "[%d{dd/MM/yyyy-HH:mm:ss}] [ %level ] - Matt_daemon: %m%n";
    /** Pause between two writes of the buffer while lines keep coming. */
    static final long FLUSH_DELAY_MILLIS = 2;

    private final Path file;
    private final LoggerContext context;
    private final Logger logger;
    private final OutputStreamManager output;
    private final AtomicBoolean unflushed = new AtomicBoolean();
    private final Thread flusher;
    private volatile boolean closing;

    private DaemonLog(Path file, LoggerContext context) {
        this.file = file;
        this.context = context;
        this.logger = context.getLogger("Matt_daemon");
        this.output = context.getConfiguration().<FileAppender>getAppender("file").getManager();
        this.flusher = Thread.ofPlatform().daemon().name("log-flush").start(this::flushLoop);
    }

    /**
     * Creates the folder (0750) and file (0640) when missing, checks they are usable, then starts
     * Log4j2 on them.
     *
     * @throws IOException with a message fit for the launcher when the file cannot be written
     */
    public static DaemonLog open(Path file) throws IOException {
        prepare(file);
        // A context of its own, not Configurator.initialize: that hands back the JVM's shared
        // context and ignores the configuration when the context is already running (another
        // DaemonLog still open, or any code that called LogManager first), so lines would go to
        // another file or nowhere. Nothing reaches this log through LogManager anyway.
        LoggerContext context = new LoggerContext("Matt_daemon:" + file);
        context.start(configuration(file, context));
        return new DaemonLog(file, context);
    }

    private static void prepare(Path file) throws IOException {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
        }
        if (Files.isSymbolicLink(file)) {
            throw new IOException(file + " is a symbolic link");
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
        } catch (FileAlreadyExistsException e) {
            // kept: the log is appended to across runs
        }
        try (FileChannel probe = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS)) {
            // opened only to learn early that writing works; Log4j2 would fail silently
        }
    }

    private static BuiltConfiguration configuration(Path file, LoggerContext context) {
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setLoggerContext(context);
        b.setConfigurationName("Matt_daemon");
        b.setStatusLevel(Level.ERROR);
        // the daemon stops Log4j2 itself after its last line; a JVM hook could lose that line
        b.setShutdownHook("disable");
        b.add(b.newAppender("file", "File")
                .addAttribute("fileName", file.toString())
                .addAttribute("append", true)
                .addAttribute("immediateFlush", false)
                .addAttribute("bufferedIO", true)
                .addAttribute("bufferSize", 64 * 1024)
                .addAttribute("filePermissions", "rw-r-----")
                .add(b.newLayout("PatternLayout").addAttribute("pattern", PATTERN)));
        b.add(b.newRootLogger(Level.INFO).add(b.newAppenderRef("file")));
        return b.build();
    }

    /** Also sends every line, from now on, to a syslog collector (see {@link SyslogForwarding}). */
    public void forwardTo(SyslogForwarding.Target target) throws IOException {
        SyslogForwarding.attach(context, logger, target);
    }

    /** The file written to. */
    public Path file() {
        return file;
    }

    /** An INFO line. */
    public void info(String message) {
        logger.info(message);
        written();
    }

    /** A LOG line for a client message, given already escaped. */
    public void userInput(String escapedText) {
        logger.log(USER_INPUT, "User input: {}", escapedText);
        written();
    }

    /** An ERROR line. */
    public void error(String message) {
        logger.error(message);
        written();
    }

    /** An ERROR line followed by the stack trace of {@code cause}. */
    public void error(String message, Throwable cause) {
        logger.error(message, cause);
        written();
    }

    /** Wakes the flusher unless it is already due to write. */
    private void written() {
        if (!unflushed.get() && !unflushed.getAndSet(true)) {
            LockSupport.unpark(flusher);
        }
    }

    /**
     * Writes as soon as a line comes in, then lets lines gather for {@link #FLUSH_DELAY_MILLIS} ms
     * before the next write: a lone line is in the file at once, a flood costs a few hundred
     * writes a second. The flag is cleared before each write, so a line logged during the write
     * gets another one.
     */
    private void flushLoop() {
        while (!closing) {
            LockSupport.park(this);
            while (unflushed.get()) {
                unflushed.set(false);
                output.flush();
                try {
                    Thread.sleep(FLUSH_DELAY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Empties the file. The appender writes in append mode, so its next line lands at offset 0.
     */
    public void clear() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            channel.truncate(0);
        }
    }

    /** Writes out every buffered line and stops Log4j2. */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(flusher);
        try {
            flusher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.stop();
    }
}

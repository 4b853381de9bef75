package mattdaemon.core.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * The log file, written through Log4j2 as
 * {@code [DD/MM/YYYY-HH:MM:SS] [ LEVEL ] - Matt_daemon: message}.
 * <p>
 * Events go through a blocking async appender to a buffered file appender that flushes at the
 * end of every batch: nothing is dropped, the writer never waits on the disk per line, and a
 * reader of the file sees a line within milliseconds. Callers pass plain text; client text
 * must already be escaped with {@link LogText}.
 */
public final class DaemonLog implements AutoCloseable {
    /** Level of client messages, printed as {@code LOG}; between WARN and INFO. */
    public static final Level USER_INPUT = Level.forName("LOG", 350);
    /** The pattern of every line. */
    public static final String PATTERN = "[%d{dd/MM/yyyy-HH:mm:ss}] [ %level ] - Matt_daemon: %m%n";

    private final Path file;
    private final LoggerContext context;
    private final Logger logger;

    private DaemonLog(Path file, LoggerContext context) {
        this.file = file;
        this.context = context;
        this.logger = context.getLogger("Matt_daemon");
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
        b.add(b.newAppender("async", "Async")
                .addAttribute("blocking", true)
                .addAttribute("bufferSize", 16 * 1024)
                .addComponent(b.newAppenderRef("file")));
        b.add(b.newRootLogger(Level.INFO).add(b.newAppenderRef("async")));
        return b.build();
    }

    /** The file written to. */
    public Path file() {
        return file;
    }

    /** An INFO line. */
    public void info(String message) {
        logger.info(message);
    }

    /** A LOG line for a client message, given already escaped. */
    public void userInput(String escapedText) {
        logger.log(USER_INPUT, "User input: {}", escapedText);
    }

    /** An ERROR line. */
    public void error(String message) {
        logger.error(message);
    }

    /** An ERROR line followed by the stack trace of {@code cause}. */
    public void error(String message, Throwable cause) {
        logger.error(message, cause);
    }

    /**
     * Empties the file. The appender writes in append mode, so its next line lands at offset 0.
     */
    public void clear() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            channel.truncate(0);
        }
    }

    /** Writes out every queued line and stops Log4j2. */
    @Override
    public void close() {
        context.stop();
    }
}

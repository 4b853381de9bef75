package mattdaemon.core.log;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import mattdaemon.core.protocol.LineRun;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * The log file, as {@code [DD/MM/YYYY-HH:MM:SS] [ LEVEL ] - Matt_daemon: message} lines.
 * <p>
 * Each caller formats its own line (in parallel, into a buffer its thread reuses) and copies it
 * into the backlog of the one {@link LogWriter} thread, which writes whatever is waiting in one go.
 * A client message is acknowledged only once written: {@link #userInput} remembers, per thread,
 * the last line it accepted, and {@link #acknowledging} wraps a session's output so that nothing
 * reaches the client before that line has been handed to the kernel (and, under
 * {@code log_fsync = always}, to the disk). Callers pass plain text; client text must already be
 * escaped with {@link LogText}.
 * <p>
 * The file is the daemon's own rather than a Log4j2 appender's: an appender neither says when a
 * given line is written, nor keeps lines through a failing write, nor notices that its file was
 * deleted or renamed. Log4j2 still does the built-in rotation ({@link LogRotation}).
 */
public final class DaemonLog implements AutoCloseable {
    private static final String USER_INPUT = "User input: ";
    private static final byte[] USER_INPUT_BYTES = USER_INPUT.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Path file;
    private final LogOptions options;
    private final LogWriter writer;
    private final ThreadLocal<LogLine> lines = ThreadLocal.withInitial(LogLine::new);
    /** Per thread: the sequence number of the last client line it had accepted. */
    private final ThreadLocal<AtomicLong> lastUserLine = ThreadLocal.withInitial(AtomicLong::new);
    /** Where lines are forwarded to a collector as well, once {@link #forwardTo} was called. */
    private volatile Logger forward;
    private LoggerContext forwarding;

    private DaemonLog(Path file, LogOptions options, LogWriter writer) {
        this.file = file;
        this.options = options;
        this.writer = writer;
    }

    /** {@link #open(Path, LogOptions)} with the default options. */
    public static DaemonLog open(Path file) throws IOException {
        return open(file, LogOptions.defaults());
    }

    /**
     * Creates the folder (0750) and file (0640) when missing, checks the file is a regular file
     * of this user reached without a symbolic link, and starts writing it.
     *
     * @throws IOException with a message fit for the launcher when the file cannot be written
     */
    public static DaemonLog open(Path file, LogOptions options) throws IOException {
        return new DaemonLog(file, options, LogWriter.start(file, options));
    }

    /** Level of client messages in Log4j2's terms, printed as {@code LOG}; between WARN and INFO. */
    public static final Level LOG_LEVEL = Level.forName("LOG", 350);

    /**
     * Also sends every line, from now on, to a syslog collector (see {@link SyslogForwarding}),
     * through Log4j2: a context of its own whose one appender queues RFC 5424 messages. The file
     * stays the authoritative copy, written as before.
     */
    public synchronized void forwardTo(SyslogForwarding.Target target) throws IOException {
        LoggerContext context = new LoggerContext("Matt_daemon-forwarding:" + file);
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setLoggerContext(context);
        b.setConfigurationName("Matt_daemon-forwarding");
        b.setStatusLevel(Level.ERROR);
        b.setShutdownHook("disable");
        b.add(b.newRootLogger(Level.INFO));
        context.start(b.build());
        SyslogForwarding.attach(context, this, target);
        forwarding = context;
        forward = context.getLogger("Matt_daemon");
    }

    /** The file written to. */
    public Path file() {
        return file;
    }

    /** How the log is written. */
    public LogOptions options() {
        return options;
    }

    /** Whether lines are being written, or since when they are failing. */
    public LogHealth health() {
        return writer.health();
    }

    /** An INFO line. */
    public void info(String message) {
        append(LogLine.Level.INFO, "", message, null);
    }

    /**
     * A LOG line for a client message, given already escaped. The calling thread's
     * {@link #acknowledging} stream holds back its output until the line is written.
     *
     * @return empty when the line was accepted; otherwise why it was refused (the backlog is full
     *         while writes fail), to be told to the client
     */
    public Optional<String> userInput(String escapedText) {
        return accepted(append(LogLine.Level.LOG, USER_INPUT, escapedText, null));
    }

    /**
     * A LOG line for each message of {@code run}, as {@link #userInput} for each, copied into the
     * backlog in one step. The run's lines need no escaping (printable ASCII, no backslash).
     *
     * @return how many of the run's lines, from its first, were accepted: all of them, unless the
     *         backlog fills while writes fail ({@link #refusal()} says why the rest were refused)
     */
    public int userInputs(LineRun run) {
        Logger to = forward;
        if (to != null) {
            for (int i = 0; i < run.size(); i++) {
                to.log(LOG_LEVEL, USER_INPUT + run.text(i));
            }
        }
        LogLine line = lines.get().formatRun(LogLine.Level.LOG, USER_INPUT_BYTES, run);
        LogWriter.Accepted accepted = writer.appendLines(line.bytes(), line.ends(), run.size(), false);
        if (accepted.lines() > 0) {
            lastUserLine.get().set(accepted.seq());
        }
        return accepted.lines();
    }

    /** Why a client line is refused now: the backlog is full while writes fail. */
    public String refusal() {
        LogHealth h = writer.health();
        return "log backlog full (" + options.backlogBytes() / 1024 + " KiB) while writes fail since "
                + h.failingSince() + ": " + h.reason() + "; line not kept";
    }

    /** Remembers an accepted client line for {@link #acknowledging}, or says why it was refused. */
    private Optional<String> accepted(long seq) {
        if (seq < 0) {
            return Optional.of(refusal());
        }
        lastUserLine.get().set(seq);
        return Optional.empty();
    }

    /** An ERROR line. */
    public void error(String message) {
        append(LogLine.Level.ERROR, "", message, null);
    }

    /** An ERROR line followed by the stack trace of {@code cause}. */
    public void error(String message, Throwable cause) {
        append(LogLine.Level.ERROR, "", message, cause);
    }

    private long append(LogLine.Level level, String prefix, String message, Throwable cause) {
        Logger to = forward;
        if (to != null) {
            to.log(switch (level) {
                case INFO -> Level.INFO;
                case LOG -> LOG_LEVEL;
                case ERROR -> Level.ERROR;
            }, prefix + message, cause);
        }
        LogLine line = lines.get().format(level, prefix, message, cause);
        return writer.append(line.bytes(), line.length(), false);
    }

    /**
     * Wraps a session's output: before any byte goes out, waits until the client lines accepted
     * by the calling thread (the session's) are written, whichever thread writes. So
     * {@code +OK logged} never reaches a client ahead of its line.
     */
    public OutputStream acknowledging(OutputStream out) {
        AtomicLong owner = lastUserLine.get();
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                writer.awaitWritten(owner.get());
                out.write(bytes, offset, length);
            }

            @Override
            public void write(int b) throws IOException {
                writer.awaitWritten(owner.get());
                out.write(b);
            }

            @Override
            public void flush() throws IOException {
                writer.awaitWritten(owner.get());
                out.flush();
            }
        };
    }

    /**
     * Empties the file being written. The writer appends, so its next line lands at offset 0.
     */
    public void clear() throws IOException {
        writer.truncate();
    }

    /**
     * The last lines of the file being written, newest last, read from its end in bounded memory.
     * A log rotated or truncated while it is read gives a shorter answer, never an error.
     */
    public LogTail.Lines tail(int count, int maxBytes) throws IOException {
        return LogTail.read(file, writer::fileKey, count, maxBytes);
    }

    /** Writes out every accepted line (retrying a failing write for a few seconds) and stops. */
    @Override
    public void close() {
        writer.close();
        synchronized (this) {
            if (forwarding != null) {
                forwarding.stop(); // lets the forwarder send what it still holds, briefly
            }
        }
    }
}

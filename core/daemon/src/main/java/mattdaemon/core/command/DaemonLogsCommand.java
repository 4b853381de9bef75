package mattdaemon.core.command;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.Reply;
import mattdaemon.core.log.LogTail;
import mattdaemon.core.server.CoreContext;

/**
 * {@code daemonlogs [N]}: the last N lines of the log (default 20, at most 10000), and at most
 * {@link #MAX_REPLY_BYTES} of them: when the cap is reached the reply holds the newest lines that
 * fit and its status line says it was capped. The file is read backwards from its end, so a
 * large log is never loaded whole, and only when it is the file being written.
 */
public final class DaemonLogsCommand implements Command {
    static final int DEFAULT_LINES = 20;
    static final int MAX_LINES = 10_000;
    /** Bytes of log text one reply carries at most (about 4 full-length escaped client lines). */
    static final int MAX_REPLY_BYTES = 1024 * 1024;

    @Override
    public String name() {
        return "daemonlogs";
    }

    @Override
    public String summary() {
        return "show the last lines of the daemon log";
    }

    @Override
    public String usage() {
        return "daemonlogs [count, default " + DEFAULT_LINES + ", at most " + MAX_LINES + "; at most "
                + MAX_REPLY_BYTES / 1024 + " KiB of text]";
    }

    @Override
    public Reply execute(CommandContext context, String arguments) throws IOException {
        int count;
        try {
            count = arguments.isEmpty() ? DEFAULT_LINES : Integer.parseInt(arguments);
        } catch (NumberFormatException e) {
            return Reply.error("USAGE", usage());
        }
        if (count < 1 || count > MAX_LINES) {
            return Reply.error("USAGE", usage());
        }
        LogTail.Lines tail = context instanceof CoreContext core
                ? core.daemonLog().tail(count, MAX_REPLY_BYTES)
                : read(context.status().logFile(), count, MAX_REPLY_BYTES);
        List<String> lines = tail.lines();
        return Reply.ok(lines.size() + " log lines" + (tail.capped()
                ? " (capped at " + MAX_REPLY_BYTES / 1024 + " KiB; older lines left out)" : ""), lines);
    }

    private static LogTail.Lines read(Path file, int count, int maxBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return LogTail.readBack(channel, count, maxBytes);
        }
    }

    /** The last {@code count} lines of a file, without the byte cap. */
    static List<String> tail(String file, int count) throws IOException {
        return read(Path.of(file), count, Integer.MAX_VALUE).lines();
    }
}

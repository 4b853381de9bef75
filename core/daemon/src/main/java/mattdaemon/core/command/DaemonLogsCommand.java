package mattdaemon.core.command;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import mattdaemon.api.Reply;
import mattdaemon.core.log.LogTail;
import mattdaemon.core.request.CoreCommand;
import mattdaemon.core.request.CoreContext;
import mattdaemon.protocol.ErrorCode;

/**
 * {@code daemonlogs [N] [follow]}: the last N lines of the log (default 20, at most 10000), and
 * at most {@link #MAX_REPLY_BYTES} of them: when the cap is reached the reply holds the newest
 * lines that fit and its status line says it was capped. The file is read backwards from its
 * end, so a large log is never loaded whole, and only when it is the file being written.
 * {@code follow} marks the repeated poll of a log viewer that follows the log: the same reply,
 * but no {@code Request} line per call, so following adds nothing to what it follows (the
 * viewer's first, ordinary {@code daemonlogs N} is logged once when following starts).
 */
public final class DaemonLogsCommand implements CoreCommand {
    static final int DEFAULT_LINES = 20;
    static final int MAX_LINES = 10_000;
    static final String FOLLOW = "follow";
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
                + MAX_REPLY_BYTES / 1024 + " KiB of text] [" + FOLLOW + "]";
    }

    @Override
    public boolean logsRequest(String arguments) {
        return !isFollowPoll(arguments);
    }

    private static boolean isFollowPoll(String arguments) {
        return arguments.equals(FOLLOW) || arguments.endsWith(" " + FOLLOW);
    }

    @Override
    public Reply execute(CoreContext context, String arguments) throws IOException {
        String countText = isFollowPoll(arguments) ? arguments.substring(0, arguments.length() - FOLLOW.length()).strip() : arguments;
        int count;
        try {
            count = countText.isEmpty() ? DEFAULT_LINES : Integer.parseInt(countText);
        } catch (NumberFormatException e) {
            return Reply.error(ErrorCode.USAGE, usage());
        }
        if (count < 1 || count > MAX_LINES) {
            return Reply.error(ErrorCode.USAGE, usage());
        }
        LogTail.Lines tail = context.daemonLog().tail(count, MAX_REPLY_BYTES);
        List<String> lines = tail.lines();
        return Reply.ok(lines.size() + " log lines" + (tail.capped()
                ? " (capped at " + MAX_REPLY_BYTES / 1024 + " KiB; older lines left out)" : ""), lines);
    }

    /** The last {@code count} lines of a file, without the byte cap. */
    static List<String> tail(String file, int count) throws IOException {
        try (FileChannel channel = FileChannel.open(Path.of(file), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return LogTail.readBack(channel, count, Integer.MAX_VALUE).lines();
        }
    }
}

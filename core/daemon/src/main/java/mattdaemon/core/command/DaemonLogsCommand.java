package mattdaemon.core.command;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import mattdaemon.api.Reply;
import mattdaemon.core.request.CoreCommand;
import mattdaemon.core.request.CoreContext;
import mattdaemon.protocol.ErrorCode;

/**
 * {@code daemonlogs [N] [follow]}: the last N lines of the log (default 20, at most 10000). The
 * file is read backwards from its end, so a large log is never loaded whole. {@code follow}
 * marks the repeated poll of a log viewer that follows the log: the same reply, but no
 * {@code Request} line per call, so following adds nothing to what it follows (the viewer's
 * first, ordinary {@code daemonlogs N} is logged once when following starts).
 */
public final class DaemonLogsCommand implements CoreCommand {
    static final int DEFAULT_LINES = 20;
    static final int MAX_LINES = 10_000;
    static final String FOLLOW = "follow";
    private static final int CHUNK = 8192;

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
        return "daemonlogs [count, default " + DEFAULT_LINES + ", at most " + MAX_LINES + "] [" + FOLLOW + "]";
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
        List<String> lines = tail(context.status().logFile().toString(), count);
        return Reply.ok(lines.size() + " log lines", lines);
    }

    /** The last {@code count} lines of a file, reading fixed-size chunks from the end. */
    static List<String> tail(String file, int count) throws IOException {
        Deque<byte[]> chunks = new ArrayDeque<>();
        try (RandomAccessFile raf = new RandomAccessFile(file, "r")) {
            long position = raf.length();
            int newlines = 0;
            while (position > 0 && newlines <= count) {
                int size = (int) Math.min(CHUNK, position);
                position -= size;
                byte[] chunk = new byte[size];
                raf.seek(position);
                raf.readFully(chunk);
                for (byte b : chunk) {
                    if (b == '\n') {
                        newlines++;
                    }
                }
                chunks.addFirst(chunk);
            }
        }
        int total = chunks.stream().mapToInt(c -> c.length).sum();
        byte[] all = new byte[total];
        int offset = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, all, offset, chunk.length);
            offset += chunk.length;
        }
        // -1 keeps empty lines at the end; what follows the last LF is a line only when not empty
        List<String> lines = new ArrayList<>(List.of(new String(all, StandardCharsets.UTF_8).split("\n", -1)));
        if (lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}

package mattdaemon.core.log;

/**
 * The log as one client session writes to it: every line carries the session's
 * {@code Client <peer> (session N)} prefix, and everything given is escaped here, so no caller
 * can forget to and no client text can split or forge a log line.
 */
public final class SessionLog {
    private final DaemonLog log;
    private final String peer;
    private final long id;
    private final String prefix;
    /** Refused lines are logged once per second at most: being refused must not fill the disk. */
    private long refusalSecond = Long.MIN_VALUE;
    private long refusalsUnlogged;
    private String refusalUnlogged;

    /** The log of session {@code id} from {@code peer} (an address and port, never client text). */
    public SessionLog(DaemonLog log, String peer, long id) {
        this.log = log;
        this.peer = peer;
        this.id = id;
        this.prefix = "Client " + peer + " (session " + id + ") ";
    }

    /** {@code Client connected: <peer> (session N, <clients>/<max>).} */
    public void connected(int clients, int max) {
        log.info("Client connected: " + peer + " (session " + id + ", " + clients + "/" + max + ").");
    }

    /** {@code Client disconnected: <peer> (session N).}, after any refusals not yet counted in the log. */
    public void disconnected() {
        synchronized (this) {
            logUnloggedRefusals();
        }
        log.info("Client disconnected: " + peer + " (session " + id + ").");
    }

    /** {@code Authentication failed for <peer> (session N, attempt k/max).} */
    public void authenticationFailed(int attempt, int max) {
        log.info("Authentication failed for " + peer + " (session " + id + ", attempt " + attempt + "/" + max + ").");
    }

    /** An INFO line about the session: {@code Client <peer> (session N) <what>}, e.g. "closed: idle timeout." */
    public void info(String what) {
        log.info(prefix + LogText.escape(what));
    }

    /**
     * An INFO line about a refused line, e.g. "had a line refused before authentication.": the
     * first of each second is logged at once, the rest of that second as one count when the next
     * second's first comes (or the session ends).
     */
    public synchronized void refused(String what) {
        long second = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime());
        if (second == refusalSecond) {
            refusalsUnlogged++;
            refusalUnlogged = what;
            return;
        }
        logUnloggedRefusals();
        refusalSecond = second;
        info(what);
    }

    private void logUnloggedRefusals() {
        if (refusalsUnlogged > 0) {
            info("had " + refusalsUnlogged + " more refused in the same second (last: " + refusalUnlogged + ")");
            refusalsUnlogged = 0;
        }
    }

    /** An ERROR line about the session, as {@link #info}. */
    public void error(String what) {
        log.error(prefix + LogText.escape(what));
    }

    /**
     * A LOG line for a message the client sent.
     *
     * @return empty when the line was taken (its reply waits until it is written), otherwise
     *         why the log refused it (see {@link DaemonLog#userInput})
     */
    public java.util.Optional<String> userInput(String text) {
        return log.userInput(LogText.escape(text));
    }

    /**
     * A LOG line for each message of {@code run}, as {@link #userInput(String)} each, in one step.
     * They need no escaping: a run holds printable ASCII without a backslash only.
     *
     * @return how many lines, from the first, were taken (see {@link DaemonLog#userInputs})
     */
    public int userInputs(mattdaemon.core.protocol.LineRun run) {
        return log.userInputs(run);
    }

    /** Why the log refuses client lines now (see {@link DaemonLog#refusal}). */
    public String refusal() {
        return log.refusal();
    }

    /** A LOG line for a message that is not UTF-8, as {@link #userInput(String)}; invalid bytes appear as {@code \xNN}. */
    public java.util.Optional<String> userInput(byte[] bytes) {
        return log.userInput(LogText.escapeUtf8(bytes, 0, bytes.length));
    }

    /** An INFO line of the daemon's own, about no session in particular; escaped all the same. */
    public void daemonInfo(String message) {
        log.info(LogText.escape(message));
    }
}

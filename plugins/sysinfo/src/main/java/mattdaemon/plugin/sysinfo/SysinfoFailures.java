package mattdaemon.plugin.sysinfo;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import mattdaemon.api.PluginEnvironment;
import mattdaemon.api.Reply;

/**
 * Turns a failure reading the system (unsupported platform, no permission, JNA's native library
 * missing) into {@code -ERR SYSINFO <reason>}. Each distinct reason is logged once with its stack
 * trace, then as one line, so a client repeating the request cannot flood the log.
 */
public final class SysinfoFailures {
    private final Set<String> traced = ConcurrentHashMap.newKeySet();
    private volatile PluginEnvironment environment;

    /** An instance logging nothing until {@link #attach} gives it the plugin's environment. */
    public SysinfoFailures() {
    }

    /** Where failures are logged from now on. */
    public void attach(PluginEnvironment environment) {
        this.environment = environment;
    }

    /**
     * Runs {@code work}; what it throws while reading the system (any {@link RuntimeException}
     * or {@link LinkageError}, such as JNA failing to load its native library) becomes the
     * {@code -ERR SYSINFO} reply.
     *
     * @param request the request line, for the log
     */
    public Reply answer(String request, Supplier<Reply> work) {
        try {
            return work.get();
        } catch (RuntimeException | LinkageError e) {
            return reply(request, e);
        }
    }

    /**
     * The reply for {@code failure}, logged as a failure of {@code request}.
     *
     * @param request the request line, for the log
     */
    public Reply reply(String request, Throwable failure) {
        String reason = reason(failure);
        PluginEnvironment env = environment;
        if (env != null) {
            env.logError(request + " failed: " + reason, traced.add(reason) ? failure : null);
        }
        return Reply.error("SYSINFO", reason);
    }

    /**
     * One line: the failure's type and message, then its root cause's in brackets when there is
     * another one (a class whose initialisation failed says so; the root says why). Whitespace is
     * folded and the line kept under 300 characters.
     */
    public static String reason(Throwable failure) {
        Throwable shown = failure;
        while (shown.getCause() != null && (shown.getMessage() == null || shown instanceof ExceptionInInitializerError
                || shown.getMessage().equals(shown.getCause().toString()))) {
            shown = shown.getCause();
        }
        Throwable root = shown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String line = (describe(shown) + (root == shown ? "" : " (" + describe(root) + ")")).replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the daemon's Java time goes during intake, from a JFR recording of bench/profile (JDK
 * only, run from source: {@code java bench/JfrSummary.java FILE.jfr FROM_MS TO_MS LINES}).
 * <p>
 * Every execution sample taken between FROM and TO (epoch milliseconds) is put in one step of
 * the per-line work. The stack is walked from the running method towards the thread's start,
 * over JDK frames, to the first frame of the daemon or of Log4j2: that frame names the step
 * (Log4j2 by its deepest frame: layout, encoding, or the logger and appender around them). A JDK
 * method called straight from a daemon method is told apart where it matters (the
 * {@code new String} of the decoding, the socket calls of the session loop). Samples with no
 * daemon or Log4j2 frame are the JDK's own work (virtual thread scheduling, the NIO poller).
 * Prints a Markdown table with each step's share and its time per line, the samples per thread,
 * and the GC and allocation figures of the same window.
 */
public final class JfrSummary {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Instant from = Instant.ofEpochMilli(Long.parseLong(args[1]));
        Instant to = Instant.ofEpochMilli(Long.parseLong(args[2]));
        long lines = Long.parseLong(args[3]);
        Map<String, Long> steps = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> leaves = new HashMap<>();
        long samples = 0;
        long gcPauseNanos = 0;
        long gcCount = 0;
        long allocated = 0;
        long compileNanos = 0;
        long compiles = 0;
        double period = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            Instant at = event.getStartTime();
            if (at.isBefore(from) || at.isAfter(to)) {
                continue;
            }
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    RecordedStackTrace stack = event.getStackTrace();
                    String step = stack == null ? "(no stack)" : step(stack.getFrames());
                    steps.merge(step, 1L, Long::sum);
                    String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
                    threads.merge(thread == null ? "?" : thread.replaceAll("[0-9]+$", "N"), 1L, Long::sum);
                    if (stack != null && !stack.getFrames().isEmpty()) {
                        leaves.merge(name(stack.getFrames().get(0)), 1L, Long::sum);
                    }
                }
                case "jdk.GarbageCollection" -> {
                    gcCount++;
                    gcPauseNanos += event.getDuration("sumOfPauses").toNanos();
                }
                case "jdk.ObjectAllocationSample" -> allocated += event.getLong("weight");
                case "jdk.Compilation" -> {
                    compiles++;
                    compileNanos += event.getDuration().toNanos();
                }
                default -> {
                }
            }
        }
        double seconds = (to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
        System.out.printf("Window %.3f s, %d lines, %d execution samples of Java code%n%n", seconds, lines, samples);
        System.out.println("| step | share of Java samples | samples |");
        System.out.println("|---|---|---|");
        print(steps, samples, 40);
        System.out.println();
        System.out.println("| thread | share | samples |");
        System.out.println("|---|---|---|");
        print(threads, samples, 10);
        System.out.println();
        System.out.println("| running method (leaf) | share | samples |");
        System.out.println("|---|---|---|");
        print(leaves, samples, 25);
        System.out.println();
        System.out.printf("GC: %d collections, %.1f ms of pauses; allocation (sampled estimate) %.0f MiB, %.0f bytes/line;"
                + " JIT: %d compilations over the threshold, %.0f ms%n", gcCount, gcPauseNanos / 1e6,
                allocated / 1048576.0, (double) allocated / lines, compiles, compileNanos / 1e6);
    }

    private static void print(Map<String, Long> counts, long total, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf("| %s | %.1f %% | %d |%n", e.getKey(), 100.0 * e.getValue() / total, e.getValue()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static boolean jdk(String name) {
        return name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.");
    }

    private static final Map<String, String> DAEMON = new LinkedHashMap<>();

    static {
        DAEMON.put("mattdaemon.core.protocol.Utf8", "UTF-8 check (Utf8)");
        DAEMON.put("mattdaemon.core.log.LogText", "escaping (LogText)");
        DAEMON.put("mattdaemon.core.protocol.LineReader", "line scanning (LineReader: runs in place, a copy per line off the run path)");
        DAEMON.put("mattdaemon.core.protocol.LineRun", "line scanning (LineReader: runs in place, a copy per line off the run path)");
        DAEMON.put("mattdaemon.core.protocol.CommandWords", "a run's command word check (CommandWords)");
        DAEMON.put("mattdaemon.core.protocol.ReplyWriter.flush", "replies: write to the socket");
        DAEMON.put("mattdaemon.core.server.WatchedOutputStream", "replies: write to the socket");
        DAEMON.put("mattdaemon.core.protocol.ReplyWriter", "replies: format and copy (ReplyWriter)");
        DAEMON.put("mattdaemon.api.Reply", "replies: format and copy (ReplyWriter)");
        DAEMON.put("mattdaemon.core.protocol.RequestDecoder", "decoding off the run path (bytes to String, codec)");
        DAEMON.put("mattdaemon.api.LineCodec", "decoding off the run path (bytes to String, codec)");
        DAEMON.put("mattdaemon.core.event.EventBus", "event bus");
        DAEMON.put("mattdaemon.core.request", "request path: admission, command lookup (request/)");
        DAEMON.put("mattdaemon.core.plugin.CommandRegistry", "request path: admission, command lookup (request/)");
        DAEMON.put("mattdaemon.core.log.LogLine", "formatting log lines (LogLine)");
        DAEMON.put("mattdaemon.core.log.LogWriter.awaitWritten", "waiting for the writer (acknowledgement)");
        DAEMON.put("mattdaemon.core.log.LogWriter.append", "copying into the backlog (LogWriter)");
        DAEMON.put("mattdaemon.core.log.LogWriter.copy", "copying into the backlog (LogWriter)");
        DAEMON.put("mattdaemon.core.log.LogWriter", "log writer thread (LogWriter)");
        DAEMON.put("mattdaemon.core.log.LogSync", "fsync thread (LogSync)");
        DAEMON.put("mattdaemon.core.log.DaemonLog", "log call (DaemonLog, SessionLog)");
        DAEMON.put("mattdaemon.core.log.SessionLog", "log call (DaemonLog, SessionLog)");
        DAEMON.put("mattdaemon.core.server.ClientSession.logRun", "session loop: socket reads and calls");
    }

    /** The step a sample belongs to; frames run from the running method to the thread's start. */
    static String step(List<RecordedFrame> frames) {
        String calledJdk = null;   // the outermost JDK method above the daemon frame found
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (jdk(name)) {
                calledJdk = name;
                continue;
            }
            if (name.startsWith("org.apache.logging.log4j")) {
                return log4j(name);
            }
            for (Map.Entry<String, String> e : DAEMON.entrySet()) {
                if (name.startsWith(e.getKey())) {
                    return e.getValue();
                }
            }
            if (name.startsWith("mattdaemon.core.server.ClientSession.serve")) {
                return "session loop: socket reads and calls"
                        + (calledJdk == null ? "" : " (" + calledJdk.substring(calledJdk.lastIndexOf('.', calledJdk.lastIndexOf('.') - 1) + 1) + ")");
            }
            return "other: " + name;
        }
        String root = frames.isEmpty() ? "?" : name(frames.get(frames.size() - 1));
        String leaf = frames.isEmpty() ? "?" : name(frames.get(0));
        if (leaf.startsWith("sun.nio.ch") || root.contains("Poller")) {
            return "JDK: NIO socket and poller (" + leaf.substring(leaf.lastIndexOf('.', leaf.lastIndexOf('.') - 1) + 1) + ")";
        }
        if (root.contains("ForkJoin") || root.contains("VirtualThread") || leaf.contains("VirtualThread")) {
            return "JDK: virtual thread scheduling";
        }
        return "JDK: " + root;
    }

    private static String log4j(String deepest) {
        if (deepest.contains(".pattern.") || deepest.contains(".layout.PatternLayout") || deepest.contains("DatePattern")
                || deepest.contains(".time.") || deepest.contains("FastDate")) {
            return "Log4j2: formatting the line (PatternLayout, date)";
        }
        if (deepest.contains("Encoder") || deepest.contains("Manager") || deepest.contains("ByteBuffer")
                || deepest.contains("Destination") || deepest.contains(".layout.")) {
            return "Log4j2: encoding to bytes and the appender's buffer";
        }
        if (deepest.contains("MutableLogEvent") || deepest.contains("ReusableLogEvent") || deepest.contains("Message")
                || deepest.contains("Parameter")) {
            return "Log4j2: message and event (parameters, reusable event)";
        }
        return "Log4j2: logger, config, appender control, thread locals";
    }
}

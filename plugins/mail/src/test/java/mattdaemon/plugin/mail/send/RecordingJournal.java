package mattdaemon.plugin.mail.send;

import java.util.ArrayList;
import java.util.List;

/** A journal that keeps its lines, for tests to read. */
public final class RecordingJournal implements Journal {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void info(String line) {
        lines.add("INFO " + line);
    }

    @Override
    public synchronized void error(String line) {
        lines.add("ERROR " + line);
    }

    /** Everything logged so far. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Everything logged so far, one text. */
    public synchronized String text() {
        return String.join("\n", lines);
    }
}

package mattdaemon.client.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines sent before, walked with up and down like a shell's history. Walking starts after
 * the newest line; going down past it gives back what was being typed.
 */
final class CommandHistory {
    static final int MAX = 500;

    private final List<String> lines = new ArrayList<>();
    private int position;
    private String draft = "";

    /** Records a sent line (not a repeat of the last one) and resets the walk. */
    void add(String line) {
        if (!line.isBlank() && (lines.isEmpty() || !lines.getLast().equals(line))) {
            lines.add(line);
            if (lines.size() > MAX) {
                lines.removeFirst();
            }
        }
        position = lines.size();
        draft = "";
    }

    /** The line before the current one; {@code current} is kept as the draft when leaving it. */
    String previous(String current) {
        if (position == lines.size()) {
            draft = current;
        }
        if (position > 0) {
            position--;
        }
        return lines.isEmpty() ? current : lines.get(position);
    }

    /** The line after the current one, or the draft past the newest. */
    String next() {
        if (position < lines.size()) {
            position++;
        }
        return position == lines.size() ? draft : lines.get(position);
    }
}

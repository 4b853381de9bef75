package mattdaemon.plugin.servinfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows of text in aligned columns under a header, as a person reads them in {@code nc}. Cells
 * come from the system (process names), so control characters are replaced: a cell can never
 * break a protocol line.
 */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row with one cell per header column. */
    Table add(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(header.size() + " cells expected, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell).replaceAll("\\p{Cntrl}", "?"));
        }
        rows.add(row);
        return this;
    }

    /** The rows with a cell containing {@code needle}, ignoring case; all rows for a blank needle. */
    Table matching(String needle) {
        Table kept = new Table(header.toArray(String[]::new));
        String wanted = needle.strip().toLowerCase(Locale.ROOT);
        for (List<String> row : rows) {
            if (row.stream().anyMatch(cell -> cell.toLowerCase(Locale.ROOT).contains(wanted))) {
                kept.rows.add(row);
            }
        }
        return kept;
    }

    int size() {
        return rows.size();
    }

    /** The header line then one line per row, columns two spaces apart, no trailing blanks. */
    List<String> lines() {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(i == 0 ? "" : "  ").append(row.get(i));
                if (i < widths.length - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length()));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}

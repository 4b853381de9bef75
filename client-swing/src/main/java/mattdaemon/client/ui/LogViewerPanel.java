package mattdaemon.client.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.RowFilter;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableModel;
import javax.swing.table.TableModel;
import javax.swing.table.TableRowSorter;

import mattdaemon.client.protocol.LogLine;

/**
 * The daemon log from {@code daemonlogs}: a table of time, level and message, a filter that
 * keeps the lines containing its text (any column, any case), and a follow switch that asks
 * for the newest lines every two seconds and keeps the last one in view. Following sends one
 * ordinary {@code daemonlogs} when it starts (logged once by the daemon) and then
 * {@code daemonlogs N follow} polls, which the daemon does not log: watching the log does not
 * fill it.
 */
final class LogViewerPanel extends JPanel {
    /** How many lines the viewer asks for. */
    static final int LINES = 200;
    static final int FOLLOW_MILLIS = 2000;
    /** The widest time stamp the log writes, used to size the Time column. */
    static final String WIDEST_TIME = "00/00/0000-00:00:00";
    /** What the viewer sends: one logged fetch, or a follow poll the daemon does not log. */
    static final String FETCH = "daemonlogs " + LINES;
    static final String FOLLOW_POLL = FETCH + " follow";

    private final DefaultTableModel model = new DefaultTableModel(new Object[] {"Time", "Level", "Message"}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(model);
    private final TableRowSorter<TableModel> sorter = new TableRowSorter<>(model);
    private final JTextField filter = new JTextField(18);
    private final JCheckBox follow = new JCheckBox("Follow");
    private final Timer timer;
    private final Runnable refresh;
    private boolean loaded;

    /** {@code send} runs a request line quietly (its reply comes back through {@link #show}). */
    LogViewerPanel(Consumer<String> send) {
        super(new BorderLayout(0, 6));
        refresh = () -> {
            loaded = true;
            send.accept(FETCH);
        };
        setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        table.setName("logTable");
        table.setRowSorter(sorter);
        sizeFixedColumns();
        filter.setName("logFilter");
        filter.putClientProperty("JTextField.placeholderText", "text to keep");
        filter.putClientProperty("JTextField.showClearButton", true);
        filter.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                applyFilter();
            }
        });
        timer = new Timer(FOLLOW_MILLIS, e -> send.accept(FOLLOW_POLL));
        follow.setName("logFollow");
        follow.setMnemonic('F');
        follow.addActionListener(e -> {
            if (follow.isSelected()) {
                refresh.run();
                timer.start();
            } else {
                timer.stop();
            }
        });
        JButton reload = new JButton("Refresh");
        reload.setName("logRefresh");
        reload.setMnemonic('R');
        reload.addActionListener(e -> refresh.run());
        JLabel filterLabel = new JLabel("Filter:");
        filterLabel.setDisplayedMnemonic('i');
        filterLabel.setLabelFor(filter);
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        bar.add(filterLabel);
        bar.add(filter);
        bar.add(follow);
        bar.add(reload);
        add(bar, BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);
    }

    /** Time and Level as wide as their widest value; Message takes the rest. */
    private void sizeFixedColumns() {
        java.awt.FontMetrics metrics = table.getFontMetrics(table.getFont());
        int padding = 2 * table.getIntercellSpacing().width + 16;
        int time = metrics.stringWidth(WIDEST_TIME) + padding;
        int level = Math.max(metrics.stringWidth("ERROR"), metrics.stringWidth("Level")) + padding;
        setFixed(0, time);
        setFixed(1, level);
        table.getColumnModel().getColumn(2).setPreferredWidth(600);
    }

    private void setFixed(int column, int width) {
        javax.swing.table.TableColumn c = table.getColumnModel().getColumn(column);
        c.setMinWidth(width);
        c.setPreferredWidth(width);
        c.setMaxWidth(width * 2);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        // a theme switch changes the font: size the columns for it
        if (table != null) {
            sizeFixedColumns();
        }
    }

    /** Loads the lines the first time the viewer is shown; later showings keep what it has. */
    void shown() {
        if (!loaded) {
            refresh.run();
        }
    }

    /** Where the keyboard goes when the viewer is shown: the filter. */
    JTextField filter() {
        return filter;
    }

    private void applyFilter() {
        String text = filter.getText();
        sorter.setRowFilter(text.isEmpty() ? null : RowFilter.regexFilter("(?i)" + Pattern.quote(text)));
    }

    /** Replaces the table's lines; when following, scrolls to the newest. */
    void show(List<String> lines) {
        model.setRowCount(0);
        for (String line : lines) {
            LogLine l = LogLine.parse(line);
            model.addRow(new Object[] {l.time(), l.level(), l.message()});
        }
        if (follow.isSelected() && table.getRowCount() > 0) {
            table.scrollRectToVisible(table.getCellRect(table.getRowCount() - 1, 0, true));
        }
    }

    /** Stops following, e.g. once the connection is gone. */
    void stopFollowing() {
        follow.setSelected(false);
        timer.stop();
    }
}

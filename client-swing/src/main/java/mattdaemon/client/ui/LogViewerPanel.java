package mattdaemon.client.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.List;
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
 * for the newest lines every two seconds and keeps the last one in view.
 */
final class LogViewerPanel extends JPanel {
    /** How many lines the viewer asks for. */
    static final int LINES = 200;
    static final int FOLLOW_MILLIS = 2000;

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

    LogViewerPanel(Runnable refresh) {
        super(new BorderLayout(0, 6));
        setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        table.setName("logTable");
        table.setRowSorter(sorter);
        table.getColumnModel().getColumn(0).setPreferredWidth(140);
        table.getColumnModel().getColumn(1).setPreferredWidth(60);
        table.getColumnModel().getColumn(2).setPreferredWidth(600);
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
        timer = new Timer(FOLLOW_MILLIS, e -> refresh.run());
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

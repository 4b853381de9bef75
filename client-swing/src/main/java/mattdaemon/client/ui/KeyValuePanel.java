package mattdaemon.client.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;

/**
 * The last {@code daemoninfo} or {@code machinfo} reply as a two-column table, with buttons
 * that run either command again.
 */
final class KeyValuePanel extends JPanel {
    /** The commands whose replies this panel shows. */
    static final Set<String> COMMANDS = Set.of("daemoninfo", "machinfo");

    private final DefaultTableModel model = new DefaultTableModel(new Object[] {"Key", "Value"}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JLabel title = new JLabel("Run daemoninfo or machinfo to fill this table.");
    private final JButton daemonInfo = new JButton("daemoninfo");
    private final JButton machInfo = new JButton("machinfo");

    KeyValuePanel(Consumer<String> run) {
        super(new BorderLayout(0, 6));
        setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        JTable table = new JTable(model);
        table.setName("infoTable");
        table.getColumnModel().getColumn(0).setPreferredWidth(160);
        table.getColumnModel().getColumn(1).setPreferredWidth(480);
        title.setName("infoTitle");
        title.putClientProperty("FlatLaf.styleClass", "h4");
        daemonInfo.setMnemonic('d');
        daemonInfo.addActionListener(e -> run.accept("daemoninfo"));
        machInfo.setMnemonic('m');
        machInfo.addActionListener(e -> run.accept("machinfo"));
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        buttons.add(daemonInfo);
        buttons.add(machInfo);
        JPanel top = new JPanel(new BorderLayout());
        top.add(title, BorderLayout.WEST);
        top.add(buttons, BorderLayout.EAST);
        add(top, BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);
    }

    /** Enables the buttons of the commands the server has. */
    void available(List<String> commandNames) {
        daemonInfo.setEnabled(commandNames.contains("daemoninfo"));
        machInfo.setEnabled(commandNames.contains("machinfo"));
    }

    /** Shows the pairs of {@code command}'s reply. */
    void show(String command, List<Map.Entry<String, String>> pairs) {
        model.setRowCount(0);
        pairs.forEach(p -> model.addRow(new Object[] {p.getKey(), p.getValue()}));
        title.setText(command + " at " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")));
    }
}

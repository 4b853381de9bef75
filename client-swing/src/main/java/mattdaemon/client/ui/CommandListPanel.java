package mattdaemon.client.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.ListCellRenderer;
import javax.swing.ListSelectionModel;
import javax.swing.ScrollPaneConstants;
import javax.swing.UIManager;

import mattdaemon.client.protocol.CommandInfo;

/**
 * The server's commands as {@code help} lists them, each with its summary. Clicking one (or
 * Enter on it) puts its name on the command line.
 */
final class CommandListPanel extends JPanel {
    private final DefaultListModel<CommandInfo> model = new DefaultListModel<>();
    private final JList<CommandInfo> list = new JList<>(model) {
        // as wide as the visible column, never wider: a long summary ends in "…" (its tooltip
        // has it whole) instead of widening cells past the view, where nobody can click them
        @Override
        public boolean getScrollableTracksViewportWidth() {
            return true;
        }
    };
    private final JLabel title = new JLabel("Commands");
    private Consumer<CommandInfo> onPick = c -> { };

    CommandListPanel() {
        super(new BorderLayout(0, 4));
        setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 0));
        list.setName("commands");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new Renderer());
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int index = list.locationToIndex(e.getPoint());
                if (index >= 0 && list.getCellBounds(index, index).contains(e.getPoint())) {
                    onPick.accept(model.get(index));
                }
            }
        });
        list.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "pick");
        list.getActionMap().put("pick", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                if (list.getSelectedValue() != null) {
                    onPick.accept(list.getSelectedValue());
                }
            }
        });
        title.putClientProperty("FlatLaf.styleClass", "h4");
        title.setDisplayedMnemonic('o');
        title.setLabelFor(list);
        add(title, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(list, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.setPreferredSize(new Dimension(270, 300));
        add(scroll, BorderLayout.CENTER);
    }

    /** What a pick does. */
    void onPick(Consumer<CommandInfo> action) {
        onPick = action;
    }

    /** Shows {@code commands} in the daemon's order. */
    void show(List<CommandInfo> commands) {
        model.clear();
        commands.forEach(model::addElement);
        title.setText("Commands (" + commands.size() + ")");
    }

    /** Name in bold over the summary in a quieter colour. */
    private static final class Renderer extends JPanel implements ListCellRenderer<CommandInfo> {
        private final JLabel name = new JLabel();
        private final JLabel summary = new JLabel();

        Renderer() {
            super(new BorderLayout());
            setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
            name.putClientProperty("FlatLaf.styleClass", "semibold");
            summary.putClientProperty("FlatLaf.styleClass", "small");
            add(name, BorderLayout.NORTH);
            add(summary, BorderLayout.SOUTH);
        }

        @Override
        public Component getListCellRendererComponent(JList<? extends CommandInfo> list, CommandInfo value, int index,
                                                      boolean selected, boolean focused) {
            name.setText(value.name());
            summary.setText(value.summary());
            setToolTipText(value.summary() + (value.module().isEmpty() ? "" : "  [" + value.module() + "]"));
            setBackground(selected ? list.getSelectionBackground() : list.getBackground());
            name.setForeground(selected ? list.getSelectionForeground() : list.getForeground());
            summary.setForeground(selected ? list.getSelectionForeground() : UIManager.getColor("Label.disabledForeground"));
            setOpaque(true);
            return this;
        }
    }
}

package mattdaemon.client.ui;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.JTextPane;
import javax.swing.KeyStroke;
import javax.swing.text.BadLocationException;
import javax.swing.text.Element;
import javax.swing.text.SimpleAttributeSet;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledDocument;

/**
 * The console: a scrollback of requests, replies and notices, and a command line with
 * history (up, down) and completion of command names (Tab). Enter sends.
 */
final class ConsolePanel extends JPanel {
    static final int MAX_LINES = 10_000;

    // long lines wrap at the window's width (a JTextPane tracks the viewport's width), so no
    // reply is cut off at the right edge without a hint
    private final JTextPane output = new JTextPane();
    private final JTextField commandLine = new JTextField();
    private final CommandHistory history = new CommandHistory();
    private volatile List<String> commandNames = List.of();
    private Consumer<String> onSubmit = line -> { };

    ConsolePanel() {
        super(new BorderLayout(0, 6));
        setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        output.setName("console");
        output.setEditable(false);
        output.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
        add(new JScrollPane(output), BorderLayout.CENTER);
        add(commandRow(), BorderLayout.SOUTH);
    }

    private JPanel commandRow() {
        commandLine.setName("commandLine");
        commandLine.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
        commandLine.putClientProperty("JTextField.placeholderText", "command or message; Tab completes, ↑↓ history");
        commandLine.setFocusTraversalKeysEnabled(false);
        commandLine.addActionListener(e -> submit());
        bind(KeyEvent.VK_UP, "history-previous", () -> commandLine.setText(history.previous(commandLine.getText())));
        bind(KeyEvent.VK_DOWN, "history-next", () -> commandLine.setText(history.next()));
        bind(KeyEvent.VK_TAB, "complete", this::complete);
        JLabel prompt = new JLabel("Command:");
        prompt.setDisplayedMnemonic('m');
        prompt.setLabelFor(commandLine);
        JButton send = new JButton("Send");
        send.setName("send");
        send.setMnemonic('S');
        send.addActionListener(e -> submit());
        JPanel row = new JPanel(new BorderLayout(6, 0));
        row.add(prompt, BorderLayout.WEST);
        row.add(commandLine, BorderLayout.CENTER);
        row.add(send, BorderLayout.EAST);
        return row;
    }

    private void bind(int key, String name, Runnable action) {
        commandLine.getInputMap().put(KeyStroke.getKeyStroke(key, 0), name);
        commandLine.getActionMap().put(name, new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        });
    }

    private void submit() {
        String line = commandLine.getText();
        if (line.isBlank()) {
            return;
        }
        history.add(line);
        commandLine.setText("");
        onSubmit.accept(line);
    }

    private void complete() {
        String text = commandLine.getText();
        String completed = CommandCompletion.complete(text, commandNames);
        if (!completed.equals(text)) {
            commandLine.setText(completed);
        } else if (!text.contains(" ") && !text.isEmpty()) {
            List<String> all = CommandCompletion.candidates(text, commandNames);
            if (all.size() > 1) {
                append(ConsoleStyle.NOTICE, String.join("  ", all));
            }
        }
    }

    /** What Enter (or Send) does with the line typed. */
    void onSubmit(Consumer<String> action) {
        this.onSubmit = action;
    }

    /** The names Tab completes. */
    void commandNames(Collection<String> names) {
        commandNames = List.copyOf(names);
    }

    /** Puts {@code text} on the command line and focuses it. */
    void fill(String text) {
        commandLine.setText(text);
        commandLine.requestFocusInWindow();
    }

    JTextField commandLine() {
        return commandLine;
    }

    /** Appends one line to the scrollback, dropping the oldest past {@value #MAX_LINES} lines. */
    void append(ConsoleStyle style, String text) {
        StyledDocument doc = output.getStyledDocument();
        SimpleAttributeSet attributes = new SimpleAttributeSet();
        StyleConstants.setForeground(attributes, style.color());
        StyleConstants.setBold(attributes, style.bold());
        try {
            doc.insertString(doc.getLength(), text + "\n", attributes);
            Element root = doc.getDefaultRootElement();
            int excess = root.getElementCount() - 1 - MAX_LINES;
            if (excess > 0) {
                doc.remove(0, root.getElement(excess - 1).getEndOffset());
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException("offsets come from the document itself", e);
        }
        output.setCaretPosition(doc.getLength());
    }

    /** The scrollback as plain text. */
    String text() {
        return output.getText();
    }

    /** Empties the scrollback. */
    void clear() {
        output.setText("");
    }
}

package mattdaemon.client.ui;

import java.awt.Color;

import javax.swing.UIManager;

/** How a console line is drawn, by what it is. */
enum ConsoleStyle {
    /** A line the user sent. */
    REQUEST(new Color(0x2F7FD8), true),
    /** A reply's body line. */
    BODY(null, false),
    /** {@code +OK}. */
    OK(new Color(0x3C9A5F), false),
    /** {@code -ERR}. */
    ERROR(new Color(0xD9534F), true),
    /** A notice, or what the client itself says. */
    NOTICE(new Color(0x8C8C8C), false);

    private final Color color;
    private final boolean bold;

    ConsoleStyle(Color color, boolean bold) {
        this.color = color;
        this.bold = bold;
    }

    /** The colour; body text follows the theme's text colour. */
    Color color() {
        return color != null ? color : UIManager.getColor("TextPane.foreground");
    }

    boolean bold() {
        return bold;
    }
}

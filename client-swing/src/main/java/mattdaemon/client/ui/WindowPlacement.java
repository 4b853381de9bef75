package mattdaemon.client.ui;

import java.awt.Window;

/**
 * Sizes and centres a window before its native window exists, so it is created where it will
 * show. Packing first and centring afterwards creates it at the top-left corner and moves it
 * at once; on an X display without a window manager the JDK can then handle the server's
 * report of the first position after the move, and keep believing the window is at the
 * corner while it shows in the middle: clicks are then told apart by the wrong offset.
 */
final class WindowPlacement {
    private WindowPlacement() {
    }

    /** Gives {@code window} its preferred size, centred on the screen; call before it shows. */
    static void packCentred(Window window) {
        window.setSize(window.getPreferredSize());
        window.setLocationRelativeTo(null);
        window.pack();
        // the same place unless a window manager's decorations made the window bigger
        window.setLocationRelativeTo(null);
    }
}

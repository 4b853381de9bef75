package mattdaemon.client.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;

/** The FlatLaf light and dark looks; switching repaints every open window. */
public final class Theme {
    private Theme() {
    }

    /** Installs the light or dark look; call before any window exists, or on the event thread. */
    public static void apply(boolean dark) {
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
        FlatLaf.updateUI();
    }

    /** Whether the dark look is on. */
    public static boolean isDark() {
        return FlatLaf.isLafDark();
    }
}

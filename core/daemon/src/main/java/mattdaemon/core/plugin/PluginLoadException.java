package mattdaemon.core.plugin;

import java.io.Serial;

/** A plugin folder could not be loaded; the message says why in a form fit for the log. */
final class PluginLoadException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}

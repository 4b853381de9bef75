package mattdaemon.plugin.mail;

import mattdaemon.api.Plugin;
import mattdaemon.api.PluginEnvironment;
import mattdaemon.plugin.mail.send.Journal;

/**
 * The mail plugin as a whole: {@link #start} builds what the command and the rules listener
 * share from the settings, {@link #stop} ends its mail and batch threads, so a replaced or
 * removed plugin sends nothing more with its old settings and leaves no thread behind.
 */
public final class MailPlugin implements Plugin {
    private volatile MailParts parts;

    /** Made by the daemon's ServiceLoader. */
    public MailPlugin() {
    }

    /**
     * Reads the settings and builds the sender, the outbox and the rules.
     *
     * @throws IllegalArgumentException when the settings are unusable
     */
    @Override
    public void start(PluginEnvironment environment) {
        parts = MailParts.create(environment.settings(), Journal.of(environment));
    }

    @Override
    public void stop() {
        MailParts current = parts;
        if (current != null) {
            current.stop();
        }
    }

    /** The parts built by {@link #start}. */
    MailParts parts() {
        return parts;
    }

    /** The started mail plugin of {@code environment}, for the command and the listener. */
    static MailParts of(PluginEnvironment environment) {
        return ((MailPlugin) environment.plugin().orElseThrow(
                () -> new IllegalStateException("the mail plugin's Plugin service was not started"))).parts();
    }
}

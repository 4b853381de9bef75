package mattdaemon.plugin.mail;

import mattdaemon.api.DaemonEvent;
import mattdaemon.api.EventListener;
import mattdaemon.api.PluginAware;
import mattdaemon.api.PluginEnvironment;

/**
 * Feeds daemon events to the mail rules. Returns at once: matching and counting happen here,
 * mail goes out on the plugin's own threads. At shutdown it flushes what the rules gathered and
 * waits up to {@code mail.shutdown_wait} for the queue.
 */
public final class MailRulesListener implements EventListener, PluginAware {
    private MailParts plugin;

    @Override
    public void attach(PluginEnvironment environment) {
        plugin = MailPlugin.of(environment);
    }

    @Override
    public void onEvent(DaemonEvent event) {
        plugin.onEvent(event);
    }
}

/**
 * The mail plugin: {@code mail <reports> [to <address>]} sends reports by mail, and mail rules
 * turn daemon events into throttled, batched mails. Exports nothing: the daemon reaches it only
 * through the services below: the plugin's life (its threads), the command and the rules listener.
 */
module mattdaemon.plugin.mail {
    requires mattdaemon.api;
    // the Jakarta Mail API; Eclipse Angus (in the same plugin folder) is bound as its provider
    requires jakarta.mail;

    provides mattdaemon.api.Plugin with mattdaemon.plugin.mail.MailPlugin;
    provides mattdaemon.api.Command with mattdaemon.plugin.mail.MailCommand;
    provides mattdaemon.api.EventListener with mattdaemon.plugin.mail.MailRulesListener;
}

/**
 * The mail plugin's services: the {@code mail} command ({@link mattdaemon.plugin.mail.MailCommand})
 * and the listener feeding daemon events to the mail rules
 * ({@link mattdaemon.plugin.mail.MailRulesListener}); both share one
 * {@link mattdaemon.plugin.mail.MailPlugin} built from the settings at load.
 */
package mattdaemon.plugin.mail;

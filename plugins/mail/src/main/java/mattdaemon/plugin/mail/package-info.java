/**
 * The mail plugin's services: the {@code mail} command ({@link mattdaemon.plugin.mail.MailCommand})
 * and the listener feeding daemon events to the mail rules
 * ({@link mattdaemon.plugin.mail.MailRulesListener}); both share one
 * set of parts that {@link mattdaemon.plugin.mail.MailPlugin}, the plugin's life, builds from the
 * settings at start and stops before the plugin is replaced or removed.
 */
package mattdaemon.plugin.mail;

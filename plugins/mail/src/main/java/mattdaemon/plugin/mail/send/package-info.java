/**
 * Getting mail out: {@link mattdaemon.plugin.mail.send.SmtpSender} talks SMTP through Jakarta
 * Mail (Eclipse Angus) with timeouts and TLS trust as configured;
 * {@link mattdaemon.plugin.mail.send.Outbox} sends queued mails on the plugin's own threads,
 * one SMTP conversation at a time, retrying with exponential back-off and logging the outcome.
 */
package mattdaemon.plugin.mail.send;

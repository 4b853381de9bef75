/**
 * Report mails: what {@code mail <reports> [to <address>]} asks for
 * ({@link mattdaemon.plugin.mail.report.ReportRequest}) and the body made from the replies of
 * the daemon's own commands ({@link mattdaemon.plugin.mail.report.ReportBuilder}).
 */
package mattdaemon.plugin.mail.report;

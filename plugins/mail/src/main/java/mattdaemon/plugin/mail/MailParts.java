package mattdaemon.plugin.mail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import mattdaemon.api.DaemonEvent;
import mattdaemon.plugin.mail.config.MailSettings;
import mattdaemon.plugin.mail.config.Security;
import mattdaemon.plugin.mail.config.SettingsReader;
import mattdaemon.plugin.mail.config.SmtpSettings;
import mattdaemon.plugin.mail.report.ReportBuilder;
import mattdaemon.plugin.mail.rule.Rule;
import mattdaemon.plugin.mail.rule.RuleEngine;
import mattdaemon.plugin.mail.rule.RuleMailComposer;
import mattdaemon.plugin.mail.rule.RuleParser;
import mattdaemon.plugin.mail.send.Journal;
import mattdaemon.plugin.mail.send.Outbox;
import mattdaemon.plugin.mail.send.SmtpSender;

/**
 * The parts both services share: settings, sender, outbox and rule engine, built by
 * {@link MailPlugin#start} from the settings and stopped by {@link MailPlugin#stop}.
 *
 * @param settings the checked settings
 * @param sender   the SMTP sender; empty when {@code mail.smtp.host} is not set
 * @param outbox   the outgoing mail; empty when there is no sender
 * @param rules    the mail rules
 * @param reports  writes report bodies
 * @param journal  the daemon log
 */
record MailParts(MailSettings settings, Optional<SmtpSender> sender, Optional<Outbox> outbox, RuleEngine rules,
                 ReportBuilder reports, Journal journal) {
    /** How long {@link #stop} waits for the mail threads to end (the daemon waits about a second). */
    private static final Duration STOP_WAIT = Duration.ofMillis(500);

    /**
     * Builds the parts from {@code values}, the plugin's settings.
     *
     * @throws IllegalArgumentException when the settings are unusable
     */
    static MailParts create(Map<String, String> values, Journal journal) {
        MailSettings settings = SettingsReader.read(values, SettingsReader.localHostName());
        List<Rule> ruleList = RuleParser.parse(values);
        if (settings.smtp().isEmpty()) {
            if (!ruleList.isEmpty()) {
                throw new IllegalArgumentException("mail rules are set but mail.smtp.host is not");
            }
            journal.info("not configured (mail.smtp.host is not set): the mail command will say so.");
            return new MailParts(settings, Optional.empty(), Optional.empty(),
                    new RuleEngine(List.of(), new RuleMailComposer(settings.hostName(), settings.to()), m -> Optional.empty(),
                            journal), new ReportBuilder(settings.hostName(), settings.logLines()), journal);
        }
        SmtpSettings smtp = settings.smtp().get();
        SmtpSender sender = new SmtpSender(smtp, settings.from(), settings.hostName());
        Outbox outbox = new Outbox(sender, settings.retry(), settings.queueLimit(), journal);
        RuleEngine rules = new RuleEngine(ruleList, new RuleMailComposer(settings.hostName(), settings.to()), outbox, journal);
        describe(settings, smtp, ruleList, journal);
        return new MailParts(settings, Optional.of(sender), Optional.of(outbox), rules,
                new ReportBuilder(settings.hostName(), settings.logLines()), journal);
    }

    private static void describe(MailSettings settings, SmtpSettings smtp, List<Rule> rules, Journal journal) {
        journal.info("SMTP " + smtp.endpoint() + " (" + smtp.security().word()
                + smtp.user().map(u -> ", login " + u).orElse("") + "), from " + settings.from()
                + (settings.to().isEmpty() ? ", no default recipient" : ", to " + String.join(", ", settings.to()))
                + "; " + rules.size() + " rule(s)"
                + (rules.isEmpty() ? "" : ": " + rules.stream().map(Rule::name).collect(Collectors.joining(", "))) + ".");
        if (smtp.user().isPresent() && smtp.security() == Security.NONE) {
            journal.error("warning: mail.smtp.security = none sends the SMTP password in clear text.");
        }
    }

    /**
     * Stops every thread: batch windows end without mailing, queued and retrying mails are
     * abandoned (each logged as failed), and nothing is sent any more.
     */
    void stop() {
        rules.stop();
        outbox.ifPresent(o -> o.stop(STOP_WAIT));
    }

    /** Feeds an event to the rules; at shutdown also sends what they gathered and waits a little for the queue. */
    void onEvent(DaemonEvent event) {
        rules.accept(event);
        if (event instanceof DaemonEvent.ShuttingDown) {
            rules.flushAll();
            Duration wait = settings.shutdownWait();
            outbox.ifPresent(o -> {
                if (!o.awaitEmpty(wait)) {
                    journal.error(o.size() + " mail(s) still queued at shutdown are lost.");
                }
            });
        }
    }
}

package mattdaemon.plugin.mail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import mattdaemon.api.DaemonEvent;
import mattdaemon.api.PluginEnvironment;
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
 * The parts both services share: settings, sender, outbox and rule engine. ServiceLoader makes
 * one instance of each provider class, so they meet here; the single static instance belongs to
 * this plugin's module layer and goes away with it when the plugin is unloaded or replaced.
 *
 * @param settings the checked settings
 * @param sender   the SMTP sender; empty when {@code mail.smtp.host} is not set
 * @param outbox   the outgoing mail; empty when there is no sender
 * @param rules    the mail rules
 * @param reports  writes report bodies
 * @param journal  the daemon log
 */
record MailPlugin(MailSettings settings, Optional<SmtpSender> sender, Optional<Outbox> outbox, RuleEngine rules,
                  ReportBuilder reports, Journal journal) {

    private static MailPlugin shared;

    /**
     * The plugin's shared parts, built on the first call from the settings.
     *
     * @throws IllegalArgumentException when the settings are unusable
     */
    static synchronized MailPlugin attach(PluginEnvironment environment) {
        if (shared == null) {
            shared = create(environment.settings(), Journal.of(environment));
        }
        return shared;
    }

    /** Builds the parts from {@code values}, the plugin's settings. */
    static MailPlugin create(Map<String, String> values, Journal journal) {
        MailSettings settings = SettingsReader.read(values, SettingsReader.localHostName());
        List<Rule> ruleList = RuleParser.parse(values);
        if (settings.smtp().isEmpty()) {
            if (!ruleList.isEmpty()) {
                throw new IllegalArgumentException("mail rules are set but mail.smtp.host is not");
            }
            journal.info("not configured (mail.smtp.host is not set): the mail command will say so.");
            return new MailPlugin(settings, Optional.empty(), Optional.empty(),
                    new RuleEngine(List.of(), new RuleMailComposer(settings.hostName(), settings.to()), m -> Optional.empty(),
                            journal), new ReportBuilder(settings.hostName(), settings.logLines()), journal);
        }
        SmtpSettings smtp = settings.smtp().get();
        SmtpSender sender = new SmtpSender(smtp, settings.from(), settings.hostName());
        Outbox outbox = new Outbox(sender, settings.retry(), settings.queueLimit(), journal);
        RuleEngine rules = new RuleEngine(ruleList, new RuleMailComposer(settings.hostName(), settings.to()), outbox, journal);
        describe(settings, smtp, ruleList, journal);
        return new MailPlugin(settings, Optional.of(sender), Optional.of(outbox), rules,
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

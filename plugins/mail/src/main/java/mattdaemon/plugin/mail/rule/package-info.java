/**
 * Mail rules: which daemon events become mail ({@link mattdaemon.plugin.mail.rule.Rule}, read
 * by {@link mattdaemon.plugin.mail.rule.RuleParser}), and how a flood of them is held to a few
 * mails: events within a rule's batch window share one mail, and a sliding-window rate limit per
 * rule holds back the rest until the next mail ({@link mattdaemon.plugin.mail.rule.RuleState},
 * driven by {@link mattdaemon.plugin.mail.rule.RuleEngine}).
 */
package mattdaemon.plugin.mail.rule;

package mattdaemon.plugin.mail.rule;

import java.util.List;
import java.util.Optional;

import mattdaemon.plugin.mail.send.MailText;
import mattdaemon.plugin.mail.send.OutgoingMail;

/** Writes the mail for one batch of a rule's events: the subject from its template, one body line per event. */
public final class RuleMailComposer {
    private final String host;
    private final List<String> defaultTo;

    /**
     * @param host      this machine's name, for {@code {host}}
     * @param defaultTo recipients of rules that name none
     */
    public RuleMailComposer(String host, List<String> defaultTo) {
        this.host = host;
        this.defaultTo = List.copyOf(defaultTo);
    }

    /** Recipients of {@code rule}'s mail; empty when neither the rule nor {@code mail.to} names any. */
    public List<String> recipients(Rule rule) {
        return rule.to().isEmpty() ? defaultTo : rule.to();
    }

    /** The mail for {@code send}, a non-empty batch of {@code rule}'s events. */
    public OutgoingMail compose(Rule rule, RuleState.Flush.Send send) {
        Occurrence first = send.events().getFirst();
        String subject = fill(rule.subject(), rule.event().word(), MailText.oneLine(first.detail(), 120), send.count());
        StringBuilder body = new StringBuilder();
        body.append("Mail rule '").append(rule.name()).append("' on ").append(host).append(": ")
                .append(send.count()).append(" event(s) of kind ").append(rule.event().word())
                .append(rule.match().map(p -> " matching /" + p.pattern() + "/").orElse("")).append(".\n");
        if (send.held() > 0) {
            body.append(send.held()).append(" of them waited for the rate limit (").append(rule.rate()).append(").\n");
        }
        body.append('\n');
        for (Occurrence o : send.events()) {
            body.append(o.at()).append("  ").append(MailText.oneLine(o.detail(), 1000)).append('\n');
        }
        if (send.omitted() > 0) {
            body.append("... and ").append(send.omitted()).append(" more, not listed.\n");
        }
        return new OutgoingMail(recipients(rule), subject, body.toString(), Optional.empty());
    }

    private String fill(String template, String event, String detail, int count) {
        return template.replace("{event}", event).replace("{count}", String.valueOf(count)).replace("{host}", host)
                .replace("{detail}", detail);
    }
}

package mattdaemon.plugin.mail.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import mattdaemon.api.DaemonEvent;

class RulesAreReadFromSettings {

    @Test
    void everyFieldIsRead() {
        List<Rule> rules = RuleParser.parse(Map.of(
                "smtp.host", "ignored here",
                "rule.boom.event", "message",
                "rule.boom.match", "bo+m",
                "rule.boom.to", "a@x.example, b@x.example",
                "rule.boom.subject", "{count} booms on {host}",
                "rule.boom.rate", "5/1h",
                "rule.boom.batch", "30s",
                "rule.bye.event", "shutdown"));
        assertThat(rules).extracting(Rule::name).containsExactly("boom", "bye");
        Rule boom = rules.getFirst();
        assertThat(boom.event()).isEqualTo(EventKind.MESSAGE);
        assertThat(boom.match().orElseThrow().pattern()).isEqualTo("bo+m");
        assertThat(boom.to()).containsExactly("a@x.example", "b@x.example");
        assertThat(boom.subject()).isEqualTo("{count} booms on {host}");
        assertThat(boom.rate()).isEqualTo(new RateLimit(5, Duration.ofHours(1)));
        assertThat(boom.batch()).isEqualTo(Duration.ofSeconds(30));
        Rule bye = rules.get(1);
        assertThat(bye.match()).isEmpty();
        assertThat(bye.rate()).isEqualTo(RuleParser.DEFAULT_RATE);
        assertThat(bye.batch()).isZero();
        assertThat(bye.subject()).isEqualTo(RuleParser.DEFAULT_SUBJECT);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> RuleParser.parse(Map.of("rule.r.match", "x")))
                .hasMessageContaining("mail.rule.r.event is missing");
        assertThatThrownBy(() -> RuleParser.parse(Map.of("rule.r.event", "explosion")))
                .hasMessageContaining("unknown event 'explosion'").hasMessageContaining("client_refused");
        assertThatThrownBy(() -> RuleParser.parse(Map.of("rule.r.event", "message", "rule.r.match", "(")))
                .hasMessageContaining("mail.rule.r.match is not a valid regular expression");
        assertThatThrownBy(() -> RuleParser.parse(Map.of("rule.r.event", "message", "rule.r.rate", "often")))
                .hasMessageContaining("mail.rule.r.rate must look like 5/1h");
        assertThatThrownBy(() -> RuleParser.parse(Map.of("rule.r.event", "message", "rule.r.colour", "red")))
                .hasMessageContaining("bad rule key mail.rule.r.colour");
        assertThatThrownBy(() -> RuleParser.parse(Map.of("rule.r.event", "message", "rule.r.to", "nobody")))
                .hasMessageContaining("mail.rule.r.to");
    }

    @Test
    void matchFindsTheRightEventsOnly() {
        Rule signals = RuleParser.parse(Map.of("rule.s.event", "signal", "rule.s.match", "^SIG(TERM|INT)$")).getFirst();
        Instant now = Instant.now();
        assertThat(signals.takes(Occurrence.of(new DaemonEvent.SignalReceived(now, "SIGTERM", 15)).orElseThrow())).isTrue();
        assertThat(signals.takes(Occurrence.of(new DaemonEvent.SignalReceived(now, "SIGHUP", 1)).orElseThrow())).isFalse();
        assertThat(signals.takes(Occurrence.of(new DaemonEvent.MessageReceived(now, "p", "SIGTERM")).orElseThrow())).isFalse();
        Rule failures = RuleParser.parse(Map.of("rule.f.event", "plugin_failure", "rule.f.match", "machinfo")).getFirst();
        assertThat(failures.takes(Occurrence.of(new DaemonEvent.CommandFailed(now, "machinfo", "timeout")).orElseThrow()))
                .isTrue();
        Rule auth = RuleParser.parse(Map.of("rule.a.event", "auth_failure", "rule.a.match", "^10\\.")).getFirst();
        Occurrence wrong = Occurrence.of(new DaemonEvent.AuthFailed(now, "10.0.0.7:4000", 2)).orElseThrow();
        assertThat(auth.takes(wrong)).isTrue();
        assertThat(wrong.detail()).isEqualTo("wrong password from 10.0.0.7:4000 (attempt 2)");
        assertThat(auth.takes(Occurrence.of(new DaemonEvent.AuthFailed(now, "127.0.0.1:4000", 1)).orElseThrow())).isFalse();
        Rule refused = RuleParser.parse(Map.of("rule.c.event", "client_refused")).getFirst();
        assertThat(refused.takes(Occurrence.of(new DaemonEvent.ClientRefused(now, "10.0.0.1:5")).orElseThrow())).isTrue();
    }
}

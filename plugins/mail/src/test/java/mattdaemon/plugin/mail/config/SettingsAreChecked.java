package mattdaemon.plugin.mail.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsAreChecked {

    @Test
    void defaultsAreSafeAndComplete() {
        MailSettings s = SettingsReader.read(Map.of("smtp.host", "smtp.example.org", "to", "ops@example.org"), "box");
        SmtpSettings smtp = s.smtp().orElseThrow();
        assertThat(smtp.security()).isEqualTo(Security.STARTTLS);
        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.checkIdentity()).isTrue();
        assertThat(smtp.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.from()).isEqualTo("matt_daemon@box");
        assertThat(s.to()).containsExactly("ops@example.org");
        assertThat(s.retry()).isEqualTo(new RetryPolicy(5, Duration.ofSeconds(5), Duration.ofMinutes(5)));
    }

    @Test
    void portFollowsTheSecurityUnlessGiven() {
        assertThat(SettingsReader.read(Map.of("smtp.host", "h", "smtp.security", "smtps"), "b").smtp().orElseThrow().port())
                .isEqualTo(465);
        assertThat(SettingsReader.read(Map.of("smtp.host", "h", "smtp.security", "none", "smtp.port", "2525"), "b")
                .smtp().orElseThrow().port()).isEqualTo(2525);
    }

    @Test
    void noHostMeansMailIsOff() {
        assertThat(SettingsReader.read(Map.of(), "b").smtp()).isEmpty();
    }

    @Test
    void typosAndBadValuesAreRefusedByName() {
        assertThatThrownBy(() -> SettingsReader.read(Map.of("smtp.hots", "h"), "b"))
                .hasMessageContaining("unknown setting(s) mail.smtp.hots");
        assertThatThrownBy(() -> SettingsReader.read(Map.of("smtp.host", "h", "smtp.security", "tls"), "b"))
                .hasMessageContaining("none, starttls or smtps");
        assertThatThrownBy(() -> SettingsReader.read(Map.of("smtp.host", "h", "smtp.timeout", "ten"), "b"))
                .hasMessageContaining("mail.smtp.timeout must be a duration");
        assertThatThrownBy(() -> SettingsReader.read(Map.of("to", "ops@example.org, not an address"), "b"))
                .hasMessageContaining("bad address 'not an address'");
        assertThatThrownBy(() -> SettingsReader.read(Map.of("smtp.host", "h", "smtp.user", "u"), "b"))
                .hasMessageContaining("smtp.user and smtp.password_file go together");
        assertThatThrownBy(() -> SettingsReader.read(Map.of("retry.delay", "1m", "retry.max_delay", "1s"), "b"))
                .hasMessageContaining("retry.max_delay must be at least retry.delay");
    }

    @Test
    void backOffDoublesUpToItsCeiling() {
        RetryPolicy retry = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(retry.delayAfter(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(retry.delayAfter(50)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void recipientsAfterToMustBeAllowed() {
        MailSettings s = SettingsReader.read(Map.of("to", "ops@example.org", "allowed_to", "@corp.example, boss@else.example"), "b");
        assertThat(s.allows("ops@example.org")).isTrue();
        assertThat(s.allows("anyone@corp.example")).isTrue();
        assertThat(s.allows("boss@else.example")).isTrue();
        assertThat(s.allows("thief@evil.example")).isFalse();
        assertThat(s.allows("x@notcorp.example")).isFalse();
        assertThat(SettingsReader.read(Map.of("allowed_to", "*"), "b").allows("anyone@any.example")).isTrue();
    }

    @Test
    void addressesRefuseHeaderInjection() {
        assertThatThrownBy(() -> Addresses.parse("ops@example.org\r\nBcc: x@evil.example"))
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> Addresses.parse("localonly")).hasMessageContaining("bad address");
        assertThat(Addresses.parseList("a@x.example, b@y.example")).containsExactly("a@x.example", "b@y.example");
    }

    @Test
    void durationsReadAndPrintTheSameWay() {
        assertThat(DurationText.parse("k", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("k", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}

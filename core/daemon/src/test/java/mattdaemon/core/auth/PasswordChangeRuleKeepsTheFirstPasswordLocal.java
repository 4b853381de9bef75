package mattdaemon.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class PasswordChangeRuleKeepsTheFirstPasswordLocal {
    private static InetAddress ip(String literal) {
        return InetAddress.ofLiteral(literal);
    }

    @Test
    void withoutAPasswordOnlyLoopbackMaySetOne() {
        assertThat(PasswordChangeRule.check(ip("127.0.0.1"), false)).isInstanceOf(PasswordChangeRule.Decision.Allowed.class);
        assertThat(PasswordChangeRule.check(ip("127.3.4.5"), false)).isInstanceOf(PasswordChangeRule.Decision.Allowed.class);
        assertThat(PasswordChangeRule.check(ip("::1"), false)).isInstanceOf(PasswordChangeRule.Decision.Allowed.class);
        assertThat(PasswordChangeRule.check(ip("::ffff:127.0.0.1"), false)).isInstanceOf(PasswordChangeRule.Decision.Allowed.class);
        assertThat(PasswordChangeRule.check(ip("192.168.1.20"), false))
                .isEqualTo(new PasswordChangeRule.Decision.Refused("the first password is set from this machine: "
                        + "connect from localhost or run Matt_daemon --set-password"));
        assertThat(PasswordChangeRule.check(ip("::ffff:10.0.0.1"), false)).isInstanceOf(PasswordChangeRule.Decision.Refused.class);
        assertThat(PasswordChangeRule.check(ip("2001:db8::1"), false)).isInstanceOf(PasswordChangeRule.Decision.Refused.class);
        assertThat(PasswordChangeRule.check(ip("0.0.0.0"), false)).isInstanceOf(PasswordChangeRule.Decision.Refused.class);
    }

    @Test
    void withAPasswordAnAuthenticatedClientAnywhereMayChangeIt() {
        assertThat(PasswordChangeRule.check(ip("192.168.1.20"), true)).isInstanceOf(PasswordChangeRule.Decision.Allowed.class);
        assertThat(PasswordChangeRule.check(ip("2001:db8::1"), true)).isInstanceOf(PasswordChangeRule.Decision.Allowed.class);
    }
}

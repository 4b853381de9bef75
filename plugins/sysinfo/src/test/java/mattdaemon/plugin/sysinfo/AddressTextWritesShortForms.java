package mattdaemon.plugin.sysinfo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressTextWritesShortForms {

    @Test
    void longestZeroRunBecomesDoubleColon() {
        assertThat(AddressText.ipv6("fd00:0:0:0:0:0:0:2")).isEqualTo("fd00::2");
        assertThat(AddressText.ipv6("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(AddressText.ipv6("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(AddressText.ipv6("fe80:0:0:0:fc:ff:fe00:1")).isEqualTo("fe80::fc:ff:fe00:1");
        assertThat(AddressText.ipv6("1:0:0:2:0:0:0:3")).isEqualTo("1:0:0:2::3");
    }

    @Test
    void firstRunWinsATieAndASingleZeroStays() {
        assertThat(AddressText.ipv6("1:0:0:2:3:0:0:4")).isEqualTo("1::2:3:0:0:4");
        assertThat(AddressText.ipv6("1:0:2:3:4:5:6:7")).isEqualTo("1:0:2:3:4:5:6:7");
    }

    @Test
    void leadingZerosGoCaseFallsAndScopeStays() {
        assertThat(AddressText.ipv6("FE80:0000:0000:0000:00FC:00FF:FE00:0001%eth0")).isEqualTo("fe80::fc:ff:fe00:1%eth0");
    }

    @Test
    void anythingElseIsLeftAsItIs() {
        assertThat(AddressText.ipv6("fe80::1")).isEqualTo("fe80::1");
        assertThat(AddressText.ipv6("10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(AddressText.ipv6("g:0:0:0:0:0:0:1")).isEqualTo("g:0:0:0:0:0:0:1");
    }

    @Test
    void rawBytesBecomeHostsAndEndpoints() {
        assertThat(AddressText.host(new byte[] {127, 0, 0, 1})).isEqualTo("127.0.0.1");
        assertThat(AddressText.endpoint(new byte[4], 22)).isEqualTo("0.0.0.0:22");
        assertThat(AddressText.endpoint(new byte[16], 4242)).isEqualTo("[::]:4242");
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 7};
        assertThat(AddressText.endpoint(mapped, 80)).isEqualTo("10.0.0.7:80");
        assertThat(AddressText.host(new byte[0])).isEqualTo("?");
    }
}

package mattdaemon.plugin.machinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FactsAreWrittenPlainly {

    @Test
    void osNameLeavesOutWhatIsUnknown() {
        assertThat(FixedFacts.osName("Debian GNU/Linux", "12", "bookworm")).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(FixedFacts.osName("Alpine Linux", "3.20.3", "")).isEqualTo("Alpine Linux 3.20.3");
        assertThat(FixedFacts.osName("Linux", "unknown", null)).isEqualTo("Linux");
    }

    @Test
    void loadAveragesHaveTwoDecimalsOrAreUnknown() {
        assertThat(CpuReport.loadAverages(new double[] {0.5, 1.234, 12})).isEqualTo("0.50 1.23 12.00");
        assertThat(CpuReport.loadAverages(new double[] {-1, -1, -1})).isEqualTo("unknown");
    }

    @Test
    void memoryUsageHasItsShare() {
        assertThat(MemoryReport.usage(1024L * 1024 * 1024, 4L * 1024 * 1024 * 1024)).isEqualTo("1.0 GiB (25%)");
        assertThat(MemoryReport.usage(0, 0)).isEqualTo("0 B (0%)");
    }

    @Test
    void aFileSystemShowsTypeDeviceUsageAndRoom() {
        long gib = 1024L * 1024 * 1024;
        assertThat(DiskReport.describe("ext4", "/dev/vda1", 100 * gib, 75 * gib, 70 * gib))
                .isEqualTo("ext4 on /dev/vda1: 25.0 GiB used of 100.0 GiB (25%), 70.0 GiB available");
    }

    @Test
    void anInterfaceShowsStateAddressesWithPrefixesAndMac() {
        assertThat(NetworkReport.addresses(new String[] {"10.0.0.2"}, new Short[] {24})).containsExactly("10.0.0.2/24");
        assertThat(NetworkReport.addresses(new String[] {"fe80:0:0:0:0:0:0:1", "fd00:0:0:0:0:0:0:2"}, new Short[] {64}))
                .containsExactly("fe80::1/64", "fd00::2");
        assertThat(NetworkReport.describe("up", List.of("10.0.0.2/24"), List.of("fe80::1/64"), "02:fc:00:00:00:01"))
                .isEqualTo("up, 10.0.0.2/24 fe80::1/64, mac 02:fc:00:00:00:01");
        assertThat(NetworkReport.describe("down", List.of(), List.of(), "unknown")).isEqualTo("down, no address");
    }
}

package mattdaemon.plugin.machinfo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsReadAsPeopleWriteThem {

    @Test
    void sizesUseBinaryPrefixesWithOneDecimal() {
        assertThat(Units.bytes(0)).isEqualTo("0 B");
        assertThat(Units.bytes(1023)).isEqualTo("1023 B");
        assertThat(Units.bytes(1024)).isEqualTo("1.0 KiB");
        assertThat(Units.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Units.bytes(24_563_123L * 1024)).isEqualTo("23.4 GiB");
        assertThat(Units.bytes(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
    }

    @Test
    void aSizeJustUnderTheNextPrefixRoundsUpIntoIt() {
        assertThat(Units.bytes(1024 * 1024 - 1)).isEqualTo("1.0 MiB");
        assertThat(Units.bytes(1024 * 1024 - 60)).isEqualTo("1023.9 KiB");
        assertThat(Units.bytes(1024 * 1000)).isEqualTo("1000.0 KiB");
    }

    @Test
    void durationsShowDaysOnlyPastADay() {
        assertThat(Units.duration(0)).isEqualTo("00:00:00");
        assertThat(Units.duration(59)).isEqualTo("00:00:59");
        assertThat(Units.duration(86_399)).isEqualTo("23:59:59");
        assertThat(Units.duration(3 * 86_400 + 4 * 3600 + 12 * 60 + 55)).isEqualTo("3d 04:12:55");
        assertThat(Units.duration(-5)).isEqualTo("00:00:00");
    }

    @Test
    void percentagesRoundAndNothingIsZero() {
        assertThat(Units.percent(1, 3)).isEqualTo("33%");
        assertThat(Units.percent(2, 3)).isEqualTo("67%");
        assertThat(Units.percent(5, 0)).isEqualTo("0%");
    }
}

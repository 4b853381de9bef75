package mattdaemon.plugin.servinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TablesAlignAndFilter {
    private final Table table = new Table("PROTO", "ADDRESS", "PID", "PROCESS")
            .add("tcp6", "[::]:4242", 310, "java")
            .add("udp4", "127.0.0.1:323", 812, "chronyd")
            .add("tcp4", "0.0.0.0:2024", "-", "?");

    @Test
    void columnsAreAlignedTwoSpacesApartWithNoTrailingBlanks() {
        assertThat(table.lines()).containsExactly(
                "PROTO  ADDRESS        PID  PROCESS",
                "tcp6   [::]:4242      310  java",
                "udp4   127.0.0.1:323  812  chronyd",
                "tcp4   0.0.0.0:2024   -    ?");
    }

    @Test
    void aFilterKeepsRowsWithAMatchingCellIgnoringCase() {
        assertThat(table.matching("CHRONY").lines()).containsExactly(
                "PROTO  ADDRESS        PID  PROCESS",
                "udp4   127.0.0.1:323  812  chronyd");
        assertThat(table.matching(":42").size()).isEqualTo(1);
        assertThat(table.matching("tcp").size()).isEqualTo(2);
        assertThat(table.matching("  ").size()).isEqualTo(3);
        assertThat(table.matching("nothing").lines()).containsExactly("PROTO  ADDRESS  PID  PROCESS");
    }

    @Test
    void cellsCannotBreakALine() {
        assertThat(new Table("NAME").add("evil\nname").lines()).containsExactly("NAME", "evil?name");
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThatThrownBy(() -> new Table("A", "B").add("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}

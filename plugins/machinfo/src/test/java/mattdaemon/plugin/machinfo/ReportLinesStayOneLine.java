package mattdaemon.plugin.machinfo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportLinesStayOneLine {

    @Test
    void sectionsAndKeyValueLinesInOrder() {
        Report report = new Report().section("cpu").put("logical cores", 2).section("jvm").put("pid", 42L);
        assertThat(report.lines()).containsExactly("[cpu]", "logical cores: 2", "[jvm]", "pid: 42");
        assertThat(report.sections()).isEqualTo(2);
    }

    @Test
    void controlCharactersInSystemStringsAreReplaced() {
        assertThat(new Report().put("/mnt/odd\nname", "ext4\r\u001b[31m").lines())
                .containsExactly("/mnt/odd?name: ext4??[31m");
    }
}

package mattdaemon.plugin.machinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SectionsAreNamedByWords {

    @Test
    void noWordMeansEverySectionInReportOrder() {
        assertThat(Section.parse("")).containsExactly(Section.OS, Section.CPU, Section.MEMORY, Section.DISKS,
                Section.NETWORK, Section.JVM);
        assertThat(Section.parse("   ")).hasSize(6);
    }

    @Test
    void wordsPickSectionsInReportOrderOnceEach() {
        assertThat(Section.parse("jvm CPU  cpu")).containsExactly(Section.CPU, Section.JVM);
    }

    @Test
    void anUnknownWordNamesTheValidSections() {
        assertThatThrownBy(() -> Section.parse("cpu gpu"))
                .hasMessage("unknown section \"gpu\"; sections: os, cpu, memory, disks, network, jvm");
    }
}

package mattdaemon.plugin.machinfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The parts of the {@code machinfo} report, in the order they are shown, each with its writer. */
enum Section {
    OS(new OsReport()),
    CPU(new CpuReport()),
    MEMORY(new MemoryReport()),
    DISKS(new DiskReport()),
    NETWORK(new NetworkReport()),
    JVM(new JvmReport());

    private final SectionReport report;

    Section(SectionReport report) {
        this.report = report;
    }

    /** Writes this section, header and lines, into {@code into}. */
    void writeTo(Report into, Machine machine) {
        report.addTo(into.section(label()), machine);
    }

    /** The word naming the section, in requests and in its header line. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every label, comma separated, for usage texts. */
    static String labels() {
        return Arrays.stream(values()).map(Section::label).collect(Collectors.joining(", "));
    }

    /**
     * The sections a request names: all of them for no words, else one per word, in report order.
     *
     * @throws IllegalArgumentException naming the first unknown word
     */
    static List<Section> parse(String arguments) {
        if (arguments.isBlank()) {
            return List.of(values());
        }
        List<Section> chosen = new ArrayList<>();
        for (String word : arguments.strip().split("\\s+")) {
            Section section = Arrays.stream(values())
                    .filter(s -> s.label().equals(word.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown section \"" + word + "\"; sections: " + labels()));
            if (!chosen.contains(section)) {
                chosen.add(section);
            }
        }
        chosen.sort(null);
        return chosen;
    }
}

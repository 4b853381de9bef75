package mattdaemon.plugin.machinfo;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code [cpu]}: model, sockets, cores, hardware threads and load averages. */
final class CpuReport implements SectionReport {
    @Override
    public void addTo(Report report, Machine machine) {
        FixedFacts fixed = machine.fixedFacts();
        report.put("model", fixed.cpuModel())
                .put("sockets", fixed.packages())
                .put("physical cores", fixed.physicalCores())
                .put("logical cores", fixed.logicalCores())
                .put("load average", loadAverages(machine.hardware().getProcessor().getSystemLoadAverage(3)));
    }

    /** {@code 0.52 0.48 0.41} (1, 5 and 15 minutes); OSHI gives negative values where unknown. */
    static String loadAverages(double[] loads) {
        if (loads.length == 0 || Arrays.stream(loads).anyMatch(l -> l < 0)) {
            return "unknown";
        }
        return Arrays.stream(loads).mapToObj(l -> String.format(Locale.ROOT, "%.2f", l))
                .collect(Collectors.joining(" "));
    }
}

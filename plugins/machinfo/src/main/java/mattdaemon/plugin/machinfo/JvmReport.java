package mattdaemon.plugin.machinfo;

import java.time.Duration;
import java.time.Instant;

/** {@code [jvm]}: the daemon's own Java runtime; needs no OSHI, so it answers even where OSHI fails. */
final class JvmReport implements SectionReport {

    @Override
    public void addTo(Report report, Machine machine) {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        ProcessHandle self = ProcessHandle.current();
        report.put("version", Runtime.version())
                .put("vendor", System.getProperty("java.vendor"))
                .put("vm", System.getProperty("java.vm.name"))
                .put("home", System.getProperty("java.home"))
                .put("pid", self.pid())
                .put("uptime", self.info().startInstant()
                        .map(start -> Units.duration(Duration.between(start, Instant.now()).toSeconds()))
                        .orElse("unknown"))
                .put("processors", runtime.availableProcessors())
                .put("heap", Units.bytes(used) + " used of " + Units.bytes(runtime.totalMemory())
                        + " committed, " + Units.bytes(runtime.maxMemory()) + " max");
    }
}

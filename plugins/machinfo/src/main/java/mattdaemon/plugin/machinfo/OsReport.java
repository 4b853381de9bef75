package mattdaemon.plugin.machinfo;

import java.time.Instant;

import oshi.software.os.OperatingSystem;

/** {@code [os]}: host name, distribution, kernel, boot time and uptime. */
final class OsReport implements SectionReport {
    @Override
    public void addTo(Report report, Machine machine) {
        OperatingSystem os = machine.os();
        FixedFacts fixed = machine.fixedFacts();
        // the host name may change while the daemon runs: read it every time
        report.put("hostname", os.getNetworkParams().getHostName())
                .put("os", fixed.os())
                .put("kernel", fixed.kernel() + " (" + fixed.bitness() + "-bit)")
                .put("booted", Instant.ofEpochSecond(os.getSystemBootTime()))
                .put("uptime", Units.duration(os.getSystemUptime()));
    }
}

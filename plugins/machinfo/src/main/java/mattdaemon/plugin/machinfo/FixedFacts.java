package mattdaemon.plugin.machinfo;

import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * What does not change while the daemon runs, read once.
 *
 * @param os             distribution and version, e.g. {@code Debian GNU/Linux 13 (trixie)}
 * @param kernel         kernel release, e.g. {@code 6.12.48+deb13-amd64}
 * @param bitness        32 or 64
 * @param cpuModel       processor name
 * @param packages       CPU sockets
 * @param physicalCores  cores
 * @param logicalCores   hardware threads
 */
record FixedFacts(String os, String kernel, int bitness, String cpuModel, int packages, int physicalCores,
                  int logicalCores) {

    static FixedFacts read(OperatingSystem os, HardwareAbstractionLayer hardware) {
        OperatingSystem.OSVersionInfo version = os.getVersionInfo();
        CentralProcessor cpu = hardware.getProcessor();
        return new FixedFacts(osName(os.getFamily(), version.getVersion(), version.getCodeName()),
                version.getBuildNumber(), os.getBitness(), cpu.getProcessorIdentifier().getName(),
                cpu.getPhysicalPackageCount(), cpu.getPhysicalProcessorCount(), cpu.getLogicalProcessorCount());
    }

    /** {@code family version (codename)}, leaving out the parts OSHI does not know. */
    static String osName(String family, String version, String codeName) {
        StringBuilder name = new StringBuilder(family);
        if (known(version)) {
            name.append(' ').append(version);
        }
        if (known(codeName)) {
            name.append(" (").append(codeName).append(')');
        }
        return name.toString();
    }

    private static boolean known(String value) {
        return value != null && !value.isBlank() && !value.equals("unknown");
    }
}

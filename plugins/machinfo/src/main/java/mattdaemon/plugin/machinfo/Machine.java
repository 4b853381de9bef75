package mattdaemon.plugin.machinfo;

import mattdaemon.plugin.sysinfo.LazySystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * The machine as OSHI sees it, through the plugin's one {@link LazySystemInfo}; what cannot
 * change while the daemon runs is read once into {@link FixedFacts}. A failed read is not
 * remembered: the next request tries again.
 */
final class Machine {
    private final LazySystemInfo systemInfo = new LazySystemInfo();
    private FixedFacts fixedFacts;

    OperatingSystem os() {
        return systemInfo.os();
    }

    HardwareAbstractionLayer hardware() {
        return systemInfo.hardware();
    }

    synchronized FixedFacts fixedFacts() {
        if (fixedFacts == null) {
            fixedFacts = FixedFacts.read(os(), hardware());
        }
        return fixedFacts;
    }
}

package mattdaemon.plugin.sysinfo;

import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * A plugin's one OSHI {@link SystemInfo}, made on first use so that loading the plugin costs
 * nothing. OSHI caches inside it, so it is kept for the plugin's life. Thread-safe.
 */
public final class LazySystemInfo {
    private SystemInfo systemInfo;

    /** Nothing is read until the first call. */
    public LazySystemInfo() {
    }

    /** The operating system; the first call loads OSHI's platform code (and JNA's native library). */
    public synchronized OperatingSystem os() {
        return systemInfo().getOperatingSystem();
    }

    /** The hardware; see {@link #os()}. */
    public synchronized HardwareAbstractionLayer hardware() {
        return systemInfo().getHardware();
    }

    private SystemInfo systemInfo() {
        if (systemInfo == null) {
            systemInfo = new SystemInfo();
        }
        return systemInfo;
    }
}

package mattdaemon.plugin.machinfo;

import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;

/** {@code [memory]}: physical memory and swap. */
final class MemoryReport implements SectionReport {
    @Override
    public void addTo(Report report, Machine machine) {
        GlobalMemory memory = machine.hardware().getMemory();
        long total = memory.getTotal();
        long available = memory.getAvailable();
        VirtualMemory swap = memory.getVirtualMemory();
        report.put("total", Units.bytes(total))
                .put("available", Units.bytes(available))
                .put("used", usage(total - available, total))
                .put("swap total", Units.bytes(swap.getSwapTotal()))
                .put("swap used", usage(swap.getSwapUsed(), swap.getSwapTotal()));
    }

    /** {@code 3.3 GiB (14%)}. */
    static String usage(long used, long total) {
        return Units.bytes(used) + " (" + Units.percent(used, total) + ")";
    }
}

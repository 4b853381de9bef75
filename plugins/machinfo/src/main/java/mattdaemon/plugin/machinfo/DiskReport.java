package mattdaemon.plugin.machinfo;

import java.util.Comparator;

import oshi.software.os.OSFileStore;

/** {@code [disks]}: each local file system by mount point, with its type, device and usage. */
final class DiskReport implements SectionReport {
    @Override
    public void addTo(Report report, Machine machine) {
        // local only: a hung network mount must not hang the command
        machine.os().getFileSystem().getFileStores(true).stream()
                .sorted(Comparator.comparing(OSFileStore::getMount))
                .forEach(store -> report.put(store.getMount(), describe(store.getType(), store.getVolume(),
                        store.getTotalSpace(), store.getFreeSpace(), store.getUsableSpace())));
    }

    /** {@code ext4 on /dev/vda1: 12.3 GiB used of 49.1 GiB (25%), 34.3 GiB available}. */
    static String describe(String type, String volume, long total, long free, long usable) {
        long used = total - free;
        return type + " on " + volume + ": " + Units.bytes(used) + " used of " + Units.bytes(total)
                + " (" + Units.percent(used, total) + "), " + Units.bytes(usable) + " available";
    }
}

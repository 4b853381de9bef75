package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped machinfo plugin, loaded from its dist/ folder into a real daemon, describes this
 * machine: its answers are checked against /proc, the kernel and the daemon process.
 */
class MachinfoReportsThisMachine {
    private static final Pattern SIZE = Pattern.compile("([0-9.]+) (B|KiB|MiB|GiB|TiB)");
    private static final List<String> UNITS = List.of("B", "KiB", "MiB", "GiB", "TiB");

    @RegisterExtension
    static final SharedDaemon daemon = new SharedDaemon("machinfo");

    @AfterEach
    void noErrorInTheLog() throws IOException {
        assertThat(daemon.logLines()).noneMatch(l -> l.contains("[ ERROR ]"));
        assertThat(daemon.alive()).isTrue();
    }

    /** Section name to its key/value lines, in reply order. */
    static Map<String, Map<String, String>> sections(List<String> reply) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : reply.subList(0, reply.size() - 1)) {
            assertThat(line).startsWith("| ");
            String body = line.substring(2);
            if (body.startsWith("[") && body.endsWith("]")) {
                current = new LinkedHashMap<>();
                sections.put(body.substring(1, body.length() - 1), current);
            } else {
                assertThat(current).as("a key line before any section: " + line).isNotNull();
                int colon = body.indexOf(": ");
                assertThat(colon).as("key: value in " + line).isPositive();
                current.put(body.substring(0, colon), body.substring(colon + 2));
            }
        }
        return sections;
    }

    static Map<String, Map<String, String>> machinfo() throws IOException {
        List<String> reply = daemon.request("machinfo");
        assertThat(reply.getLast()).isEqualTo("+OK 6 sections");
        return sections(reply);
    }

    /** {@code 23.5 GiB} in bytes, and the rounding its one decimal allows. */
    static double[] bytesAndSlack(String text) {
        Matcher m = SIZE.matcher(text);
        assertThat(m.find()).as("a size in " + text).isTrue();
        double unit = Math.pow(1024, UNITS.indexOf(m.group(2)));
        return new double[] {Double.parseDouble(m.group(1)) * unit, 0.05 * unit + 1};
    }

    static long procMeminfoKib(String key) throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith(key + ":"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
    }

    @Test
    void pluginLoadsFromItsShippedFolder() throws Exception {
        daemon.awaitLogContaining("Plugin loaded: machinfo 1.0.0 (mattdaemon.plugin.machinfo).");
    }

    @Test
    void everySectionComesInOrder() throws IOException {
        assertThat(machinfo().keySet()).containsExactly("os", "cpu", "memory", "disks", "network", "jvm");
    }

    @Test
    void logicalCoresAreTheOnlineProcessors() throws Exception {
        // what nproc prints when no CPU affinity mask narrows it (a test runner may run under one)
        Process nproc = new ProcessBuilder("getconf", "_NPROCESSORS_ONLN").start();
        String all = new String(nproc.getInputStream().readAllBytes()).strip();
        assertThat(nproc.waitFor()).isZero();
        Map<String, String> cpu = machinfo().get("cpu");
        assertThat(cpu.get("logical cores")).isEqualTo(all);
        assertThat(Integer.parseInt(cpu.get("physical cores"))).isBetween(1, Integer.parseInt(all));
        assertThat(cpu.get("model")).isNotBlank();
    }

    @Test
    void loadAveragesAreTheKernels() throws IOException {
        // getloadavg(3) is a native call through JNA: this proves JNA works inside the plugin layer
        String before = Files.readString(Path.of("/proc/loadavg"));
        String shown = sections(daemon.request("machinfo cpu")).get("cpu").get("load average");
        String after = Files.readString(Path.of("/proc/loadavg"));
        // the kernel prints fixed-point values, getloadavg(3) doubles: they may round apart by 0.01
        double[] values = numbers(shown);
        double[] low = numbers(firstThree(before));
        double[] high = numbers(firstThree(after));
        for (int i = 0; i < 3; i++) {
            assertThat(values[i]).as("load average " + i)
                    .isBetween(Math.min(low[i], high[i]) - 0.011, Math.max(low[i], high[i]) + 0.011);
        }
    }

    private static double[] numbers(String text) {
        return java.util.Arrays.stream(text.strip().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    private static String firstThree(String loadavg) {
        return String.join(" ", List.of(loadavg.strip().split("\\s+")).subList(0, 3));
    }

    @Test
    void memoryTotalIsMemTotalOfProcMeminfo() throws IOException {
        Map<String, String> memory = machinfo().get("memory");
        double[] total = bytesAndSlack(memory.get("total"));
        assertThat(total[0]).isCloseTo(procMeminfoKib("MemTotal") * 1024.0, within(total[1]));
        double[] swap = bytesAndSlack(memory.get("swap total"));
        assertThat(swap[0]).isCloseTo(procMeminfoKib("SwapTotal") * 1024.0, within(swap[1]));
    }

    @Test
    void hostnameKernelAndUptimeAreTheKernels() throws IOException {
        String uptimeBefore = Files.readString(Path.of("/proc/uptime"));
        Map<String, String> os = machinfo().get("os");
        assertThat(os.get("hostname")).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
        assertThat(os.get("kernel")).startsWith(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip() + " (");
        Matcher uptime = Pattern.compile("(?:(\\d+)d )?(\\d\\d):(\\d\\d):(\\d\\d)").matcher(os.get("uptime"));
        assertThat(uptime.matches()).as(os.get("uptime")).isTrue();
        long seconds = (uptime.group(1) == null ? 0 : Long.parseLong(uptime.group(1)) * 86_400)
                + Long.parseLong(uptime.group(2)) * 3600 + Long.parseLong(uptime.group(3)) * 60
                + Long.parseLong(uptime.group(4));
        double procUptime = Double.parseDouble(uptimeBefore.split(" ")[0]);
        assertThat((double) seconds).isCloseTo(procUptime, within(5.0));
    }

    @Test
    void rootFileSystemShowsItsSize() throws IOException {
        String root = machinfo().get("disks").get("/");
        assertThat(root).as("the / line").isNotNull();
        Matcher total = Pattern.compile(" used of (\\S+ \\S+) ").matcher(root);
        assertThat(total.find()).as(root).isTrue();
        double[] shown = bytesAndSlack(total.group(1));
        assertThat(shown[0]).isCloseTo((double) Files.getFileStore(Path.of("/")).getTotalSpace(), within(shown[1]));
    }

    @Test
    void loopbackShowsItsAddress() throws IOException {
        assertThat(machinfo().get("network").get("lo")).contains("127.0.0.1/8");
    }

    @Test
    void jvmSectionIsTheDaemonProcess() throws IOException {
        Map<String, String> jvm = machinfo().get("jvm");
        assertThat(jvm.get("pid")).isEqualTo(String.valueOf(daemon.pid()));
        assertThat(jvm.get("version")).startsWith(String.valueOf(Runtime.version().feature()));
    }

    @Test
    void sectionArgumentShowsOnlyThoseSections() throws IOException {
        List<String> memory = daemon.request("machinfo memory");
        assertThat(memory.getLast()).isEqualTo("+OK 1 section");
        assertThat(sections(memory).keySet()).containsExactly("memory");
        assertThat(sections(daemon.request("machinfo jvm cpu")).keySet()).containsExactly("cpu", "jvm");
    }

    @Test
    void unknownSectionIsAUsageErrorNamingTheSections() throws IOException {
        assertThat(daemon.request("machinfo gpu")).containsExactly(
                "-ERR USAGE unknown section \"gpu\"; sections: os, cpu, memory, disks, network, jvm");
    }
}

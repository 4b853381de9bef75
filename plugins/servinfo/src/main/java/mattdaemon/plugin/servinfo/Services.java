package mattdaemon.plugin.servinfo;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import oshi.software.os.OSService;
import oshi.software.os.OperatingSystem;

/**
 * The machine's services through OSHI. Under systemd that is OSHI's service list: PID 1's
 * children running, and enabled units not running. Without systemd (a container whose PID 1 is
 * a shell, tini or a supervisor) OSHI's list would add unit files nobody runs, and asking
 * {@code systemctl} for them costs most of a second; the services are then PID 1's children.
 */
final class Services {
    private final InitSystem init;

    Services(InitSystem init) {
        this.init = init;
    }

    /** Where the list comes from, for the section header. */
    String source() {
        return init.systemd() ? "systemd" : "children of PID 1 (" + init.name() + "), no systemd";
    }

    /** One row per service: name, state, pid (0 when not running). */
    List<Row> list(OperatingSystem os) {
        List<Row> rows = init.systemd()
                ? os.getServices().stream().map(Services::row).toList()
                : os.getChildProcesses(1, OperatingSystem.ProcessFiltering.VALID_PROCESS, null, 0).stream()
                        .map(p -> new Row(p.getName(), "running", p.getProcessID())).toList();
        return rows.stream().sorted(Comparator.comparing(Row::name).thenComparing(Row::pid)).toList();
    }

    private static Row row(OSService service) {
        return new Row(service.getName(), service.getState().name().toLowerCase(Locale.ROOT), service.getProcessID());
    }

    /** A service. */
    record Row(String name, String state, int pid) {
    }
}

package mattdaemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The launcher returns once the daemon listens; the daemon has the shape of a Unix daemon. */
class DaemonRunsInBackground {
    static final String LOG_LINE = "^\\[\\d{2}/\\d{2}/\\d{4}-\\d{2}:\\d{2}:\\d{2}] \\[ (INFO|LOG|ERROR) ] - Matt_daemon: .*$";

    @RegisterExtension
    static final SharedDaemon daemon = new SharedDaemon();
    static DaemonUnderTest.Launch launch;

    @BeforeAll
    static void rememberTheLaunch() {
        launch = daemon.lastLaunch();
    }


    @Test
    void launcherReportsThePidAndPort() throws Exception {
        long pid = Long.parseLong(Files.readString(daemon.lockFile).strip());
        assertThat(launch.stdout()).contains("started, PID " + pid).contains("port " + daemon.port);
    }

    @Test
    void daemonIsOrphanedSessionLeaderWithoutTerminal() throws Exception {
        String[] stat = Proc.stat(daemon.pid());
        assertThat(Integer.parseInt(stat[3])).as("PPID").isEqualTo(1);
        assertThat(Long.parseLong(stat[5])).as("session id").isEqualTo(daemon.pid());
        assertThat(Integer.parseInt(stat[6])).as("tty_nr").isZero();
    }

    @Test
    void stdioIsDevNullCwdIsRootUmaskIsSet() throws Exception {
        for (int fd = 0; fd <= 2; fd++) {
            assertThat(Files.readSymbolicLink(Path.of("/proc", String.valueOf(daemon.pid()), "fd", String.valueOf(fd))))
                    .hasToString("/dev/null");
        }
        assertThat(Files.readSymbolicLink(Path.of("/proc", String.valueOf(daemon.pid()), "cwd"))).hasToString("/");
        assertThat(Proc.status(daemon.pid(), "Umask")).isEqualTo("0027");
    }

    @Test
    void everyThreadBlocksTheDaemonSignalsSoOnlyTheSignalfdSeesThem() throws Exception {
        // HUP INT QUIT USR1 USR2 ALRM TERM: bits 0 1 2 9 11 13 14
        long required = 0b110101000000111L;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(daemon.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                String blocked = Files.readAllLines(task.resolve("status")).stream()
                        .filter(l -> l.startsWith("SigBlk:")).findFirst().orElseThrow().substring(7).strip();
                assertThat(Long.parseUnsignedLong(blocked, 16) & required).as("SigBlk of " + task).isEqualTo(required);
            }
        }
    }

    @Test
    void lockFileHoldsThePid() throws Exception {
        assertThat(Files.readString(daemon.lockFile).strip()).isEqualTo(String.valueOf(daemon.pid()));
    }

    @Test
    void logHasTheStartSequenceInTheExactFormat() throws Exception {
        daemon.awaitLogContaining("started. PID: " + daemon.pid() + ".");
        List<String> lines = daemon.logLines();
        assertThat(lines).allMatch(l -> l.matches(LOG_LINE));
        assertThat(lines.stream().map(l -> l.substring(l.indexOf(" - Matt_daemon: ") + 16)).toList())
                .containsSubsequence("Started.", "Creating server.", "Server created.", "Entering Daemon mode.",
                        "started. PID: " + daemon.pid() + ".");
    }

    @Test
    void logFileAndFolderAreNotWorldAccessible() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.logFile))).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.logFile.getParent())))
                .isEqualTo("rwxr-x---");
    }

    @Test
    void greetsInTheProtocolFormat() throws Exception {
        try (TestClient client = daemon.connect()) {
            assertThat(client.greeting()).isEqualTo("* Matt_daemon 1.0.0 ready");
            assertThat(client.request("hello")).containsExactly("+OK logged");
        }
    }
}

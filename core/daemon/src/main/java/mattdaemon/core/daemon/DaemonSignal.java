package mattdaemon.core.daemon;

import java.util.Arrays;
import java.util.Optional;

import mattdaemon.core.posix.SignalSet;

/**
 * The signals that end the daemon in order (Linux numbering). SIGPIPE is not among them: a
 * client closing its socket must never stop the daemon, and the JVM already ignores it.
 * SIGCHLD, SIGWINCH, SIGURG and SIGCONT keep their harmless default.
 */
public enum DaemonSignal {
    HUP(1), INT(2), QUIT(3), USR1(10), USR2(12), ALRM(14), TERM(15), STKFLT(16),
    TSTP(20), TTIN(21), TTOU(22), XCPU(24), VTALRM(26), PROF(27), PWR(30);

    /** Every member, as a set to block at exec and read through a signalfd. */
    public static final SignalSet ALL = SignalSet.of(Arrays.stream(values()).mapToInt(DaemonSignal::number).toArray());

    private final int number;

    DaemonSignal(int number) {
        this.number = number;
    }

    /** The Linux signal number. */
    public int number() {
        return number;
    }

    /** The conventional name, e.g. {@code SIGTERM}. */
    public String fullName() {
        return "SIG" + name();
    }

    /** The member with this number. */
    public static Optional<DaemonSignal> byNumber(int number) {
        return Arrays.stream(values()).filter(s -> s.number == number).findFirst();
    }

    /** The log line for a received signal, e.g. {@code Signal handler: received SIGTERM (15).} */
    public String logLine() {
        return "Signal handler: received " + fullName() + " (" + number + ").";
    }
}

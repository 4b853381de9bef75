package mattdaemon.core.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A Linux signalfd: signals that every thread blocks are read from it as data, synchronously,
 * on whichever thread calls {@link #take()}. This is the only way a JVM sees SIGQUIT itself.
 */
public final class SignalFd implements AutoCloseable {
    private static final int SIGNALFD_SIGINFO_SIZE = 128;
    private static final MethodHandle SIGNALFD =
            Libc.errno("signalfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment info = arena.allocate(SIGNALFD_SIGINFO_SIZE, 8);

    private SignalFd(int fd) {
        this.fd = fd;
    }

    /** Opens a signalfd for {@code signals}; they must already be blocked in every thread. */
    public static SignalFd open(SignalSet signals) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.allocateCallState(arena);
            int fd = (int) SIGNALFD.invokeExact(state, -1, signals.toNative(arena), Libc.O_CLOEXEC);
            return new SignalFd(Libc.check("signalfd", fd, state));
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Blocks until a signal arrives; returns its number, or 0 once the descriptor is closed. */
    public int take() {
        long n = Libc.read(fd, info);
        return n == SIGNALFD_SIGINFO_SIZE ? info.get(JAVA_INT, 0) : 0;
    }

    /** The pid of the process that sent the last signal returned by {@link #take()}. */
    public int lastSenderPid() {
        return info.get(JAVA_INT, 12);
    }

    @Override
    public void close() {
        Libc.close(fd);
    }
}

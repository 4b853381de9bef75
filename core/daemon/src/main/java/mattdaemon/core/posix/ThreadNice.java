package mattdaemon.core.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The nice value of single threads. On Linux, {@code setpriority(PRIO_PROCESS, tid, n)} applies
 * to one thread, so plugin code can be made to yield the CPU to the daemon's own threads.
 */
public final class ThreadNice {
    private static final int PRIO_PROCESS = 0;
    private static final MethodHandle GETTID = Libc.plain("gettid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle SETPRIORITY =
            Libc.errno("setpriority", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));

    private ThreadNice() {
    }

    /** The kernel's id of the calling thread. */
    public static int currentTid() {
        try {
            return (int) GETTID.invokeExact();
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Sets the nice value (-20..19; higher yields more) of thread {@code tid} of this process. */
    public static void set(int tid, int nice) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.allocateCallState(arena);
            Libc.check("setpriority " + tid, (int) SETPRIORITY.invokeExact(state, PRIO_PROCESS, tid, nice), state);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}

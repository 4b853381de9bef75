package mattdaemon.core.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Map;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * Starts a program with {@code posix_spawn} in a new session, with chosen signals blocked from
 * the first instruction. ProcessBuilder cannot do either; a JVM needs the mask at exec so that
 * every one of its threads inherits it and only a signalfd ever sees those signals.
 */
public final class Spawner {
    private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    private static final short POSIX_SPAWN_SETSID = 0x80;
    // glibc x86_64/aarch64 sizes are 336 and 80 bytes; allocate with room to spare.
    private static final long ATTR_SIZE = 1024;
    private static final long FILE_ACTIONS_SIZE = 512;

    private static final MethodHandle ATTR_INIT = fn("posix_spawnattr_init", ADDRESS);
    private static final MethodHandle ATTR_DESTROY = fn("posix_spawnattr_destroy", ADDRESS);
    private static final MethodHandle ATTR_SETSIGMASK = fn("posix_spawnattr_setsigmask", ADDRESS, ADDRESS);
    private static final MethodHandle ATTR_SETSIGDEFAULT = fn("posix_spawnattr_setsigdefault", ADDRESS, ADDRESS);
    private static final MethodHandle ATTR_SETFLAGS = fn("posix_spawnattr_setflags", ADDRESS, JAVA_SHORT);
    private static final MethodHandle FA_INIT = fn("posix_spawn_file_actions_init", ADDRESS);
    private static final MethodHandle FA_DESTROY = fn("posix_spawn_file_actions_destroy", ADDRESS);
    private static final MethodHandle FA_ADDOPEN =
            fn("posix_spawn_file_actions_addopen", ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle FA_ADDDUP2 = fn("posix_spawn_file_actions_adddup2", ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle FA_ADDCLOSEFROM = fn("posix_spawn_file_actions_addclosefrom_np", ADDRESS, JAVA_INT);
    private static final MethodHandle FA_ADDCHDIR = fn("posix_spawn_file_actions_addchdir_np", ADDRESS, ADDRESS);
    private static final MethodHandle SPAWN =
            fn("posix_spawn", ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);

    private static final int SIG_SETMASK = 2;
    private static final MethodHandle SIGMASK = fn("pthread_sigmask", JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle EXECVE =
            Libc.errno("execve", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));

    private Spawner() {
    }

    /**
     * Replaces this process with {@code argv} (same pid, same stdio) with {@code blockedSignals}
     * blocked from its first instruction, as {@link #spawnDetached} does for a new process. The
     * mask is set on the calling thread only, which is the one execve keeps; a signal that reaches
     * another thread in between is handled as before. Returns only by throwing.
     */
    public static void execBlocked(List<String> argv, Map<String, String> environment, SignalSet blockedSignals) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment path = arena.allocateFrom(argv.getFirst());
            MemorySegment args = strings(arena, argv);
            MemorySegment env = strings(arena, environment.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList());
            MemorySegment old = arena.allocate(128, 8);
            call("pthread_sigmask", (int) SIGMASK.invokeExact(SIG_SETMASK, blockedSignals.toNative(arena), old));
            MemorySegment state = Libc.allocateCallState(arena);
            int rc = (int) EXECVE.invokeExact(state, path, args, env);
            int errno = Libc.errnoOf(state);
            int ignored = (int) SIGMASK.invokeExact(SIG_SETMASK, old, MemorySegment.NULL);
            throw new PosixException("execve " + argv.getFirst(), rc < 0 ? errno : 0);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * Spawns {@code argv} detached: new session, cwd "/", stdin on /dev/null, stdout and stderr on
     * {@code outputFd}, no other inherited descriptors, all signal dispositions default and
     * {@code blockedSignals} blocked.
     *
     * @return the child's pid
     */
    public static int spawnDetached(List<String> argv, Map<String, String> environment, int outputFd,
                                    SignalSet blockedSignals) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(ATTR_SIZE, 16);
            MemorySegment actions = arena.allocate(FILE_ACTIONS_SIZE, 16);
            call("posix_spawnattr_init", (int) ATTR_INIT.invokeExact(attr));
            call("posix_spawn_file_actions_init", (int) FA_INIT.invokeExact(actions));
            try {
                call("setsigmask", (int) ATTR_SETSIGMASK.invokeExact(attr, blockedSignals.toNative(arena)));
                call("setsigdefault", (int) ATTR_SETSIGDEFAULT.invokeExact(attr, SignalSet.all().toNative(arena)));
                short flags = (short) (POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSID);
                call("setflags", (int) ATTR_SETFLAGS.invokeExact(attr, flags));
                call("addopen", (int) FA_ADDOPEN.invokeExact(actions, 0, arena.allocateFrom("/dev/null"), Libc.O_RDONLY, 0));
                call("adddup2", (int) FA_ADDDUP2.invokeExact(actions, outputFd, 1));
                call("adddup2", (int) FA_ADDDUP2.invokeExact(actions, outputFd, 2));
                call("addclosefrom", (int) FA_ADDCLOSEFROM.invokeExact(actions, 3));
                call("addchdir", (int) FA_ADDCHDIR.invokeExact(actions, arena.allocateFrom("/")));
                MemorySegment pid = arena.allocate(JAVA_INT);
                MemorySegment path = arena.allocateFrom(argv.getFirst());
                int rc = (int) SPAWN.invokeExact(pid, path, actions, attr,
                        strings(arena, argv), strings(arena, environment.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
                call("posix_spawn " + argv.getFirst(), rc);
                return pid.get(JAVA_INT, 0);
            } finally {
                int ignored = (int) FA_DESTROY.invokeExact(actions);
                ignored = (int) ATTR_DESTROY.invokeExact(attr);
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** A NULL-terminated {@code char *[]}. */
    private static MemorySegment strings(Arena arena, List<String> values) {
        MemorySegment array = arena.allocate(ADDRESS, values.size() + 1L);
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ADDRESS, i, arena.allocateFrom(values.get(i)));
        }
        array.setAtIndex(ADDRESS, values.size(), MemorySegment.NULL);
        return array;
    }

    /** posix_spawn* functions return the error number instead of setting errno. */
    private static void call(String what, int rc) {
        if (rc != 0) {
            throw new PosixException(what, rc);
        }
    }

    private static MethodHandle fn(String name, java.lang.foreign.MemoryLayout... args) {
        return Libc.plain(name, FunctionDescriptor.of(JAVA_INT, args));
    }
}

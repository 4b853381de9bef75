package mattdaemon.core.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** Process-level libc calls (Linux, glibc). Failures throw {@link PosixException} with errno. */
public final class Libc {
    static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    static final int O_RDONLY = 0;
    static final int O_RDWR = 2;
    static final int O_CLOEXEC = 0x80000;

    private static final MethodHandle GETEUID = plain("geteuid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle GETPID = plain("getpid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle GETSID = errno("getsid", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSID = errno("setsid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle UMASK = plain("umask", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle CHDIR = errno("chdir", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle OPEN = errno("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle CLOSE = errno("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle DUP2 = errno("dup2", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle PIPE2 = errno("pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle READ =
            errno("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle WRITE =
            errno("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));

    private Libc() {
    }

    /** Effective user id. */
    public static int geteuid() {
        try {
            return (int) GETEUID.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** This process's id, as the kernel knows it. */
    public static int getpid() {
        try {
            return (int) GETPID.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Session id of this process. */
    public static int getsid() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return check("getsid", (int) GETSID.invokeExact(state, 0), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Makes this process the leader of a new session with no controlling terminal. */
    public static int setsid() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return check("setsid", (int) SETSID.invokeExact(state), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Sets the file mode creation mask and returns the previous one. */
    public static int umask(int mask) {
        try {
            return (int) UMASK.invokeExact(mask);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Changes the process's working directory (Java's {@code user.dir} is not touched). */
    public static void chdir(String path) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            check("chdir " + path, (int) CHDIR.invokeExact(state, arena.allocateFrom(path)), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Points descriptors 0, 1 and 2 at /dev/null. */
    public static void detachStdio() {
        int devNull = open("/dev/null", O_RDWR);
        for (int fd = 0; fd <= 2; fd++) {
            dup2(devNull, fd);
        }
        close(devNull);
    }

    static int open(String path, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return check("open " + path, (int) OPEN.invokeExact(state, arena.allocateFrom(path), flags | O_CLOEXEC), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Closes a raw descriptor. */
    public static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            check("close", (int) CLOSE.invokeExact(state, fd), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static void dup2(int from, int to) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            check("dup2", (int) DUP2.invokeExact(state, from, to), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** A close-on-exec pipe: {@code [readEnd, writeEnd]}. */
    public static int[] pipe() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            check("pipe2", (int) PIPE2.invokeExact(state, fds, O_CLOEXEC), state);
            return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Blocking read into {@code buffer}; returns the byte count, 0 at end of file. */
    public static long read(int fd, MemorySegment buffer) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            while (true) {
                long n = (long) READ.invokeExact(state, fd, buffer, buffer.byteSize());
                if (n >= 0) {
                    return n;
                }
                int errno = (int) ERRNO.get(state, 0L);
                if (errno != PosixException.EINTR) {
                    throw new PosixException("read", errno);
                }
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Writes all of {@code bytes} to a raw descriptor. */
    public static void write(int fd, byte[] bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment data = arena.allocateFrom(java.lang.foreign.ValueLayout.JAVA_BYTE, bytes);
            long offset = 0;
            while (offset < bytes.length) {
                long n = (long) WRITE.invokeExact(state, fd, data.asSlice(offset), bytes.length - offset);
                if (n < 0) {
                    int errno = (int) ERRNO.get(state, 0L);
                    if (errno == PosixException.EINTR) {
                        continue;
                    }
                    throw new PosixException("write", errno);
                }
                offset += n;
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static MethodHandle plain(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol(name), descriptor);
    }

    /** A handle whose first argument is the call-state segment that receives errno. */
    static MethodHandle errno(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol(name), descriptor, Linker.Option.captureCallState("errno"));
    }

    static MemorySegment allocateCallState(Arena arena) {
        return arena.allocate(CALL_STATE);
    }

    static int errnoOf(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    private static MemorySegment symbol(String name) {
        return LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
    }

    static int check(String what, int result, MemorySegment state) {
        if (result < 0) {
            throw new PosixException(what, errnoOf(state));
        }
        return result;
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}

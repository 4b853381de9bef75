package mattdaemon.e2e;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/** The receiving end of systemd's notify protocol: a Unix datagram socket bound to a path. */
final class NotifySocket implements AutoCloseable {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle SOCKET = fn("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle BIND = fn("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SETSOCKOPT =
            fn("setsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RECV = fn("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle CLOSE = fn("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;

    private final int fd;

    NotifySocket(Path path, int timeoutSeconds) throws Throwable {
        fd = (int) SOCKET.invokeExact(1, 2, 0);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = arena.allocate(110);
            address.set(JAVA_SHORT, 0, (short) 1);
            byte[] bytes = path.toString().getBytes(StandardCharsets.UTF_8);
            MemorySegment.copy(bytes, 0, address, JAVA_BYTE, 2, bytes.length);
            if ((int) BIND.invokeExact(fd, address, 2 + bytes.length + 1) != 0) {
                throw new IllegalStateException("bind " + path + " failed");
            }
            MemorySegment timeout = arena.allocate(16);
            timeout.set(JAVA_LONG, 0, timeoutSeconds);
            int ignored = (int) SETSOCKOPT.invokeExact(fd, SOL_SOCKET, SO_RCVTIMEO, timeout, 16);
        }
    }

    /** The next datagram, or null after the timeout. */
    String receive() throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(4096);
            long n = (long) RECV.invokeExact(fd, buffer, 4096L, 0);
            return n < 0 ? null : new String(buffer.asSlice(0, n).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new Exception(t);
        }
    }

    private static MethodHandle fn(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), descriptor);
    }
}

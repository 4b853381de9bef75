package mattdaemon.core.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * systemd's readiness protocol: one datagram to the Unix socket named by {@code $NOTIFY_SOCKET}.
 * Java's DatagramChannel has no Unix-domain datagrams, hence socket/sendto here.
 */
public final class SdNotify {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM_CLOEXEC = 2 | Libc.O_CLOEXEC;
    private static final int SUN_PATH_MAX = 108;
    private static final MethodHandle SOCKET =
            Libc.errno("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SENDTO = Libc.errno("sendto",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));

    private SdNotify() {
    }

    /**
     * Sends {@code message} (e.g. {@code READY=1}) when {@code socketPath} is set; a path starting
     * with '@' names an abstract socket.
     *
     * @return whether a notification was sent
     */
    public static boolean notify(String socketPath, String message) {
        if (socketPath == null || socketPath.isEmpty()) {
            return false;
        }
        byte[] path = socketPath.getBytes(StandardCharsets.UTF_8);
        if (path.length >= SUN_PATH_MAX) {
            throw new IllegalArgumentException("NOTIFY_SOCKET path too long");
        }
        boolean abstractName = path[0] == '@';
        if (abstractName) {
            path[0] = 0;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.allocateCallState(arena);
            MemorySegment address = arena.allocate(2 + SUN_PATH_MAX);
            address.set(JAVA_SHORT, 0, (short) AF_UNIX);
            MemorySegment.copy(path, 0, address, JAVA_BYTE, 2, path.length);
            int addressLength = 2 + path.length + (abstractName ? 0 : 1);
            int fd = Libc.check("socket", (int) SOCKET.invokeExact(state, AF_UNIX, SOCK_DGRAM_CLOEXEC, 0), state);
            try {
                byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
                MemorySegment data = arena.allocateFrom(JAVA_BYTE, bytes);
                long sent = (long) SENDTO.invokeExact(state, fd, data, (long) bytes.length, 0, address, addressLength);
                Libc.check("sendto " + socketPath, (int) Math.min(sent, 0), state);
                return true;
            } finally {
                Libc.close(fd);
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}

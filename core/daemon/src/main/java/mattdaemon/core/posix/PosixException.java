package mattdaemon.core.posix;

import java.io.Serial;

/** A libc call failed; the message names the call and the errno. */
public final class PosixException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    static final int EINTR = 4;

    private final int errno;

    PosixException(String call, int errno) {
        super(call + " failed: errno " + errno + describe(errno));
        this.errno = errno;
    }

    /** The C errno value. */
    public int errno() {
        return errno;
    }

    private static String describe(int errno) {
        return switch (errno) {
            case 1 -> " (EPERM)";
            case 2 -> " (ENOENT)";
            case 13 -> " (EACCES)";
            case 111 -> " (ECONNREFUSED)";
            default -> "";
        };
    }
}

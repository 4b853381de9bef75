package mattdaemon.core.daemon;

import java.io.Serial;
import java.nio.file.Path;

/** The lock could not be taken; {@link #getMessage()} says why. */
public final class LockException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    LockException(Path path, String why) {
        super(path + " " + why);
        this.path = path;
    }

    /** The lock path. */
    public Path path() {
        return path;
    }
}

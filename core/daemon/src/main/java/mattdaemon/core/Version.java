package mattdaemon.core;

/** The daemon's version, shown in the greeting and by {@code daemoninfo}. */
public final class Version {
    /** This build's version. */
    public static final String CURRENT = "1.0.0";

    private Version() {
    }
}

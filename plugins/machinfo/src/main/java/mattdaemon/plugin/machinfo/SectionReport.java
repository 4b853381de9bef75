package mattdaemon.plugin.machinfo;

/** Writes the lines of one {@link Section}. */
interface SectionReport {

    /** Adds this section's {@code key: value} lines (its header is already written), read from {@code machine}. */
    void addTo(Report report, Machine machine);
}

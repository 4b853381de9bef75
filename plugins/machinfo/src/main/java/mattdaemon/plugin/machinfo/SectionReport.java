package mattdaemon.plugin.machinfo;

/** Writes the lines of one {@link Section}. */
interface SectionReport {

    /** Adds this section's {@code key: value} lines (its header is already written). */
    void addTo(Report report);
}

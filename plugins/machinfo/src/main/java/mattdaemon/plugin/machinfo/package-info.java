/**
 * The {@code machinfo} command. {@code MachinfoCommand} parses the request and turns failures
 * into replies; each {@code Section} has a {@code SectionReport} writing its {@code key: value}
 * lines into a {@code Report}; {@code Machine} reads through the plugin's one OSHI
 * {@code SystemInfo} and keeps what never changes ({@code FixedFacts}); {@code Units} writes
 * sizes, durations and shares for people.
 */
package mattdaemon.plugin.machinfo;

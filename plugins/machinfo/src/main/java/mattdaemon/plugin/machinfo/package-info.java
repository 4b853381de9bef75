/**
 * The {@code machinfo} command. {@link mattdaemon.plugin.machinfo.MachinfoCommand} parses the
 * request and turns failures into replies; one {@code SectionReport} per {@link
 * mattdaemon.plugin.machinfo.Section} writes {@code key: value} lines into a {@code Report};
 * {@code Machine} reads through the plugin's one OSHI {@code SystemInfo} and keeps the
 * facts read once ({@code FixedFacts}), and {@code Units} formats sizes, durations and shares for people.
 */
package mattdaemon.plugin.machinfo;

/**
 * Support for plugins that read the system through OSHI: {@link mattdaemon.plugin.sysinfo.LazySystemInfo}
 * makes a plugin's one {@code SystemInfo} on first use, {@link mattdaemon.plugin.sysinfo.SysinfoFailures}
 * turns what OSHI or JNA throws into {@code -ERR SYSINFO <reason>}, and
 * {@link mattdaemon.plugin.sysinfo.AddressText} writes IP addresses the short way.
 */
package mattdaemon.plugin.sysinfo;

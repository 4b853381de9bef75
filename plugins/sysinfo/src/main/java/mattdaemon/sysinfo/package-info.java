/**
 * Support for plugins that read the system through OSHI: {@link mattdaemon.sysinfo.LazySystemInfo}
 * makes a plugin's one {@code SystemInfo} on first use, {@link mattdaemon.sysinfo.SysinfoFailures}
 * turns what OSHI or JNA throws into {@code -ERR SYSINFO <reason>}, and
 * {@link mattdaemon.sysinfo.AddressText} writes IP addresses the short way.
 */
package mattdaemon.sysinfo;

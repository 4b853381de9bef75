/**
 * The machinfo plugin: {@code machinfo [section...]} describes the machine the daemon runs on
 * (OS, CPU, memory, file systems, network interfaces, the daemon's JVM). Exports nothing.
 */
module mattdaemon.plugin.machinfo {
    requires mattdaemon.api;
    // the shared OSHI support, and OSHI itself through it
    requires mattdaemon.plugin.sysinfo;

    provides mattdaemon.api.Command with mattdaemon.plugin.machinfo.MachinfoCommand;
}

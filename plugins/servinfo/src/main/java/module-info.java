/**
 * The servinfo plugin: {@code servinfo [filter]} lists the machine's services and its listening
 * TCP/UDP sockets with the process owning each. Exports nothing.
 */
module mattdaemon.plugin.servinfo {
    requires mattdaemon.api;
    // the shared OSHI support, and OSHI itself through it
    requires mattdaemon.plugin.sysinfo;

    provides mattdaemon.api.Command with mattdaemon.plugin.servinfo.ServinfoCommand;
}

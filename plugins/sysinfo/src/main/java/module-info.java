/**
 * What the OSHI plugins (machinfo, servinfo) share: their one OSHI {@code SystemInfo}, the
 * {@code -ERR SYSINFO} reply for failures, and addresses as text. A library shipped inside each
 * of those plugin folders; it provides no command.
 */
module mattdaemon.plugin.sysinfo {
    requires transitive mattdaemon.api;
    // OSHI on JNA: native access is enabled by the daemon for every module of a plugin layer
    requires transitive com.github.oshi;

    exports mattdaemon.plugin.sysinfo;
}

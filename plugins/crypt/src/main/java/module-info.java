/** {@code daemoncrypt}: switches a session's lines to Base64, both ways. */
module mattdaemon.plugin.crypt {
    requires mattdaemon.api;
    // the Base64 line codec and the reply texts clients read; provided by the daemon's boot layer
    requires mattdaemon.protocol;

    provides mattdaemon.api.Command with mattdaemon.plugin.crypt.DaemonCryptCommand;
}

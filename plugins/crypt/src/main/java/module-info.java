/** {@code daemoncrypt}: switches a session's lines to Base64, both ways. */
module mattdaemon.plugin.crypt {
    requires mattdaemon.api;

    provides mattdaemon.api.Command with mattdaemon.plugin.crypt.DaemonCryptCommand;
}

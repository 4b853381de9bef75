/**
 * Ben_AFK, the Swing client of Matt_daemon. It speaks the daemon's line protocol only, so it
 * needs none of the daemon's modules. Exports nothing: it is an application, not a library.
 */
module mattdaemon.client {
    // Swing and the AWT
    requires java.desktop;
    // the wire grammar and codecs, shared with the daemon (which the client does not need)
    requires mattdaemon.protocol;
    // FlatLaf: the light and dark looks
    requires com.formdev.flatlaf;
}

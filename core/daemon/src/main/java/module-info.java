/**
 * The Matt_daemon daemon: launcher, daemon life, server, protocol, logging and the plugin
 * registry. Exports nothing: plugins see only {@code mattdaemon.api}.
 */
module mattdaemon.core {
    requires mattdaemon.api;
    requires org.apache.logging.log4j;
    requires org.apache.logging.log4j.core;
    // sun.misc.Signal, the foreground mode's only route to signals
    requires jdk.unsupported;

    // the services of plugin layers; the built-in commands are made by BuiltInCommands
    uses mattdaemon.api.Command;
    uses mattdaemon.api.EventListener;
    uses mattdaemon.api.Plugin;
}

/**
 * The Matt_daemon daemon: launcher, daemon life, server, protocol, logging and the plugin
 * registry. Exports nothing: plugins see only {@code mattdaemon.api}.
 */
module mattdaemon.core {
    requires mattdaemon.api;
    // the wire grammar shared with the crypt plugin and the clients
    requires mattdaemon.protocol;
    requires org.apache.logging.log4j;
    requires org.apache.logging.log4j.core;
    // the CPU time of a stuck plugin call, for its log line
    requires java.management;

    // the services of plugin layers; the built-in commands are made by BuiltInCommands
    uses mattdaemon.api.Command;
    uses mattdaemon.api.EventListener;
    uses mattdaemon.api.Plugin;
}

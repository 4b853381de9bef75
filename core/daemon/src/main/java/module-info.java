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

    uses mattdaemon.api.Command;
    uses mattdaemon.api.EventListener;

    provides mattdaemon.api.Command with
            mattdaemon.core.command.HelpCommand,
            mattdaemon.core.command.QuitCommand,
            mattdaemon.core.command.DaemonInfoCommand,
            mattdaemon.core.command.DaemonLogsCommand,
            mattdaemon.core.command.ClearLogsCommand,
            mattdaemon.core.command.AuthCommand,
            mattdaemon.core.command.DaemonPassCommand,
            mattdaemon.core.command.StartTlsCommand;
}

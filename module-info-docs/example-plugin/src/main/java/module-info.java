/**
 * Example plugin: counts the messages clients send and reports them with {@code msgstats}.
 * Shows both services a plugin may offer and how it gets its settings.
 */
module com.example.msgstats {
    requires mattdaemon.api;

    provides mattdaemon.api.Command with com.example.msgstats.MsgStatsCommand;
    provides mattdaemon.api.EventListener with com.example.msgstats.MessageCounter;
}

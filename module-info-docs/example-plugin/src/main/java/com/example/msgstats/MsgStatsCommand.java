package com.example.msgstats;

import java.util.List;
import java.util.Map;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.PluginAware;
import mattdaemon.api.PluginEnvironment;
import mattdaemon.api.Reply;

/**
 * {@code msgstats}: messages received since the plugin was loaded, busiest clients first.
 * Setting {@code msgstats.top} in the daemon's configuration file sets how many are listed.
 */
public final class MsgStatsCommand implements Command, PluginAware {
    private int top = 5;

    @Override
    public void attach(PluginEnvironment environment) {
        top = environment.setting("top").map(Integer::parseInt).orElse(top);
        environment.log("counting messages, listing the top " + top + " clients");
    }

    @Override
    public String name() {
        return "msgstats";
    }

    @Override
    public String summary() {
        return "messages received per client address since this plugin was loaded";
    }

    @Override
    public Reply execute(CommandContext context, String arguments) {
        List<String> lines = Counts.SHARED.top(top).stream()
                .map((Map.Entry<String, Long> e) -> e.getKey() + ": " + e.getValue())
                .toList();
        return Reply.ok(Counts.SHARED.total() + " messages", lines);
    }
}

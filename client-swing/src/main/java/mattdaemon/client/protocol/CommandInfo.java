package mattdaemon.client.protocol;

import java.util.List;

import mattdaemon.protocol.HelpLine;

/**
 * One command as {@code help} lists it (the format is the protocol's {@link HelpLine}).
 *
 * @param name    the command's name, the first word of a request
 * @param summary one line saying what it does
 * @param module  the module that provides it
 */
public record CommandInfo(String name, String summary, String module) {

    /** The commands in a {@code help} reply's body, in the daemon's order; odd lines are skipped. */
    public static List<CommandInfo> fromHelp(Reply help) {
        return HelpLine.parseAll(help.body()).stream().map(h -> new CommandInfo(h.name(), h.summary(), h.module())).toList();
    }
}

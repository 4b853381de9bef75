package mattdaemon.plugin.crypt;

import java.util.Locale;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.LineCodec;
import mattdaemon.api.Reply;
import mattdaemon.protocol.ErrorCode;
import mattdaemon.protocol.SessionChange;

/**
 * {@code daemoncrypt [on|off]}: Base64 for this session's lines, both ways, from the line after
 * the reply on. Without an argument it toggles. The reply itself still travels in the old form,
 * so the client learns the new state in the encoding it expects.
 */
public final class DaemonCryptCommand implements Command {
    @Override
    public String name() {
        return "daemoncrypt";
    }

    @Override
    public String summary() {
        return "switch this session's lines to Base64 both ways (on, off, or toggle)";
    }

    @Override
    public String usage() {
        return "daemoncrypt [on|off]";
    }

    @Override
    public Reply execute(CommandContext context, String arguments) {
        // by name: after a reload of this plugin the session may hold the previous layer's codec
        boolean encoded = context.session().codec().name().equals(Base64LineCodec.INSTANCE.name());
        Boolean wanted = switch (arguments.toLowerCase(Locale.ROOT)) {
            case "" -> !encoded;
            case "on" -> true;
            case "off" -> false;
            default -> null;
        };
        if (wanted == null) {
            return Reply.error(ErrorCode.USAGE, usage());
        }
        if (wanted == encoded) {
            return Reply.ok(SessionChange.codecAlready(wanted));
        }
        context.session().useCodec(wanted ? Base64LineCodec.INSTANCE : LineCodec.PLAIN);
        context.log("Session " + context.session().id() + " codec: " + (wanted ? "base64" : "plain") + ".");
        return Reply.ok(SessionChange.codecSwitched(wanted));
    }
}

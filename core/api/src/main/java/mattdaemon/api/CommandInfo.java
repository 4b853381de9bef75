package mattdaemon.api;

/**
 * Description of a loaded command.
 *
 * @param name    the command word
 * @param summary one line for {@code help}
 * @param usage   the syntax
 * @param module  the module providing it, e.g. {@code mattdaemon.core}
 */
public record CommandInfo(String name, String summary, String usage, String module) {
}

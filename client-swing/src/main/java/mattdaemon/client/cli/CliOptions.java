package mattdaemon.client.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code matt-cli}; every word that is not an option is one command, and
 * {@code --command TEXT} (repeatable) adds one too, as {@code Ben_AFK --command} takes them.
 *
 * @param host         daemon host
 * @param port         daemon port
 * @param tls          whether to send {@code starttls} first
 * @param fingerprint  the certificate's SHA-256 fingerprint to insist on; implies TLS
 * @param passwordFile where the password is read from ({@code -} for stdin); empty for none
 * @param timeout      the limit for connecting and for each reply
 * @param showStatus   whether to print each status line after the body too
 * @param commands     the requests, in order
 * @param help         whether only the usage was asked for
 */
public record CliOptions(String host, int port, boolean tls, Optional<String> fingerprint, Optional<String> passwordFile,
                         Duration timeout, boolean showStatus, List<String> commands, boolean help) {
    /** Exit code of a command line the client cannot use, or a session it could not set up. */
    public static final int EXIT_TROUBLE = 2;

    static final String USAGE = """
            Usage: matt-cli [options] COMMAND...
                   Ben_AFK --command COMMAND [--command COMMAND ...] [options]
            Runs each COMMAND (one request line, e.g. "daemonlogs 5") in order on one session,
            prints the body lines of the replies on stdout and stops at the first -ERR.
            Without a COMMAND, reads one command per line from stdin.
              --host NAME           daemon host (default localhost)
              --port N              daemon port (default 4242)
              --tls                 starttls before anything else
              --fingerprint SHA256  accept only this certificate (hex, colons optional); implies --tls
              --password-file PATH  read the password from the first line of PATH; - reads stdin
              --timeout S           seconds to wait for the connection and for each reply (default 10)
              --status              print each reply's status line (+OK ... / -ERR ...) after its body
              --help                this text
            Exit status: 0 when every reply was +OK, 1 at the first -ERR (its status line goes to
            stderr), 2 when the session could not be set up or the command line is wrong.
            """;

    /**
     * Reads the arguments.
     *
     * @throws IllegalArgumentException with a message for the user on a bad argument
     */
    public static CliOptions parse(List<String> args) {
        String host = "localhost";
        int port = 4242;
        boolean tls = false;
        String fingerprint = null;
        String passwordFile = null;
        Duration timeout = Duration.ofSeconds(10);
        boolean showStatus = false;
        boolean help = false;
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--host" -> host = value(args, ++i, arg);
                case "--port" -> port = number(value(args, ++i, arg), arg, 1, 65_535);
                case "--tls" -> tls = true;
                case "--fingerprint" -> fingerprint = fingerprint(value(args, ++i, arg));
                case "--password-file" -> passwordFile = value(args, ++i, arg);
                case "--timeout" -> timeout = Duration.ofSeconds(number(value(args, ++i, arg), arg, 1, 3600));
                case "--status" -> showStatus = true;
                case "--command" -> commands.add(value(args, ++i, arg));
                case "--help", "-h" -> help = true;
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option: " + arg);
                    }
                    commands.add(arg);
                }
            }
        }
        return new CliOptions(host, port, tls || fingerprint != null, Optional.ofNullable(fingerprint),
                Optional.ofNullable(passwordFile), timeout, showStatus, List.copyOf(commands), help);
    }

    /** Whether commands are to be read from stdin. */
    boolean commandsFromStdin() {
        return commands.isEmpty();
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int number(String text, String option, int min, int max) {
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException(option + " needs a number from " + min + " to " + max + ", not " + text);
    }

    private static String fingerprint(String text) {
        if (!text.replace(":", "").matches("[0-9A-Fa-f]{64}")) {
            throw new IllegalArgumentException("--fingerprint needs a SHA-256 fingerprint (64 hex digits), not " + text);
        }
        return text;
    }
}

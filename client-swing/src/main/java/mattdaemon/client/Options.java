package mattdaemon.client;

import java.util.List;

/**
 * Ben_AFK's command line: {@code [--host NAME] [--port N] [--dark]}; defaults localhost:4242.
 *
 * @param host where the connect window points first
 * @param port the port it shows
 * @param dark whether to start with the dark look
 * @param help whether only the usage was asked for
 */
record Options(String host, int port, boolean dark, boolean help) {
    static final String USAGE = """
            Usage: Ben_AFK [--host NAME] [--port N] [--dark]
              --host NAME   daemon host shown in the connect window (default localhost)
              --port N      daemon port (default 4242)
              --dark        start with the dark theme (View > Dark theme switches)
              --help        this text
            Ben_AFK --command COMMAND ... runs commands without a window: see matt-cli --help.
            """;

    /**
     * Reads the arguments.
     *
     * @throws IllegalArgumentException with a message for the user on a bad argument
     */
    static Options parse(List<String> args) {
        String host = "localhost";
        int port = 4242;
        boolean dark = false;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--host" -> host = value(args, ++i, "--host");
                case "--port" -> port = port(value(args, ++i, "--port"));
                case "--dark" -> dark = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown argument: " + args.get(i));
            }
        }
        return new Options(host, port, dark, help);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException("--port needs a number from 1 to 65535, not " + text);
    }
}

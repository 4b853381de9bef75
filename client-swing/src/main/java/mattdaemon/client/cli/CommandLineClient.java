package mattdaemon.client.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import mattdaemon.client.protocol.CertificatePin;
import mattdaemon.client.protocol.ConnectFailure;
import mattdaemon.client.protocol.ConnectRequest;
import mattdaemon.client.protocol.Connector;
import mattdaemon.client.protocol.DaemonConnection;
import mattdaemon.client.protocol.Reply;

/**
 * Runs the commands of a {@link CliOptions} on one session and says how it went as an exit
 * code. The commands go one at a time, each after the previous reply, so nothing runs after
 * an {@code -ERR}.
 */
public final class CommandLineClient {
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;

    /** Reads passwords and commands from {@code stdin}, writes bodies to {@code out}, trouble to {@code err}. */
    public CommandLineClient(InputStream stdin, PrintStream out, PrintStream err) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }

    /** The exit code: 0 every reply {@code +OK}, 1 an {@code -ERR}, 2 trouble before or between replies. */
    public int run(CliOptions options) {
        if (options.help()) {
            out.print(CliOptions.USAGE);
            return 0;
        }
        BufferedReader input = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        String password;
        List<String> commands;
        try {
            password = password(options, input);
            commands = options.commandsFromStdin() ? commands(input) : options.commands();
        } catch (IOException | IllegalArgumentException e) {
            return trouble(e.getMessage());
        }
        if (commands.isEmpty()) {
            return trouble("no command given");
        }
        CertificatePin pin = options.fingerprint().map(CertificatePin::of).orElse(CertificatePin.firstUse());
        ConnectRequest request = new ConnectRequest(options.host(), options.port(), options.tls(), password, pin);
        try (DaemonConnection connection = new Connector(options.timeout()).connect(request)) {
            for (String command : commands) {
                Reply reply = connection.send(command).get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
                reply.body().forEach(out::println);
                if (options.showStatus()) {
                    out.println(reply.statusLine());
                }
                if (!reply.ok()) {
                    out.flush();
                    err.println(reply.statusLine());
                    return 1;
                }
            }
            return 0;
        } catch (ConnectFailure e) {
            return trouble(e.getMessage());
        } catch (ExecutionException e) {
            return trouble(e.getCause().getMessage());
        } catch (TimeoutException e) {
            return trouble("no reply within " + options.timeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return trouble("interrupted");
        } finally {
            out.flush();
        }
    }

    private static String password(CliOptions options, BufferedReader input) throws IOException {
        if (options.passwordFile().isEmpty()) {
            return "";
        }
        String file = options.passwordFile().get();
        if (file.equals("-")) {
            if (options.commandsFromStdin()) {
                throw new IllegalArgumentException("--password-file - reads stdin: give the commands as arguments");
            }
            String line = input.readLine();
            return line == null ? "" : line.strip();
        }
        List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        return lines.isEmpty() ? "" : lines.getFirst().strip();
    }

    private static List<String> commands(BufferedReader input) throws IOException {
        List<String> commands = new ArrayList<>();
        String line;
        while ((line = input.readLine()) != null) {
            if (!line.isBlank()) {
                commands.add(line);
            }
        }
        return commands;
    }

    private int trouble(String message) {
        err.println("matt-cli: " + message);
        return CliOptions.EXIT_TROUBLE;
    }

    /** {@code matt-cli ...}. */
    public static void main(String[] argv) {
        System.exit(runMain(List.of(argv)));
    }

    /** Parses {@code args} and runs them on the process's standard streams. */
    public static int runMain(List<String> args) {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("matt-cli: " + e.getMessage());
            System.err.print(CliOptions.USAGE);
            return CliOptions.EXIT_TROUBLE;
        }
        return new CommandLineClient(System.in, System.out, System.err).run(options);
    }
}

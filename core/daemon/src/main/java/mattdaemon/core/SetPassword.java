package mattdaemon.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import mattdaemon.core.auth.Protection;
import mattdaemon.core.config.Settings;
import mattdaemon.core.posix.TrustedPath;

/**
 * {@code Matt_daemon --set-password}: root, on the machine itself, reads the password from
 * stdin (from the terminal without echo) and stores its hash in the state folder. Works whether
 * the daemon runs or not; a running daemon takes the new hash within a second. This is how the
 * first password is set, so nobody on the network can set it first.
 */
final class SetPassword {
    /** Longer input is refused rather than hashed: it is not a password anyone typed. */
    static final int MAX_BYTES = 1024;

    private SetPassword() {
    }

    static int run(Settings settings, InputStream in, PrintStream out, PrintStream err) {
        char[] password = null;
        try {
            TrustedPath.ROOT.checkFolder(settings.stateDir());
            password = read(in, err);
            if (password.length == 0) {
                err.println("Matt_daemon: no password given on stdin; nothing changed.");
                return 1;
            }
            Protection.store(settings.stateDir(), password, TrustedPath.ROOT);
            out.println("Matt_daemon: password stored in " + settings.stateDir().resolve(Protection.PASSWORD_FILE)
                    + "; a running daemon uses it within a second.");
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("Matt_daemon: cannot set the password: " + e.getMessage());
            return 1;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** The first line of stdin, without its line end; from a terminal, typed without echo. */
    private static char[] read(InputStream in, PrintStream err) throws IOException {
        java.io.Console console = System.console();
        if (in == System.in && console != null && console.isTerminal()) {
            char[] typed = console.readPassword("New password: ");
            return typed == null ? new char[0] : typed;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (bytes.size() == MAX_BYTES) {
                throw new IllegalArgumentException("longer than " + MAX_BYTES + " bytes");
            }
            bytes.write(b);
        }
        byte[] raw = bytes.toByteArray();
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, 0, length));
            char[] password = new char[chars.remaining()];
            chars.get(password);
            return password;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the password is not UTF-8");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}

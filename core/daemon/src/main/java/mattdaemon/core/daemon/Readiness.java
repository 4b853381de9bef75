package mattdaemon.core.daemon;

import java.io.PrintStream;

import mattdaemon.core.posix.SdNotify;

/** How the daemon tells whoever started it that it is serving, or why it could not start. */
public sealed interface Readiness {

    /** The daemon listens. */
    void ready(long pid);

    /** The daemon cannot start; {@code message} is for a human. */
    void failed(String message);

    /** To the launcher, one line on the readiness pipe (the daemon's stdout until it detaches). */
    record LauncherPipe(PrintStream pipe) implements Readiness {
        @Override
        public void ready(long pid) {
            pipe.println("READY " + pid);
            pipe.flush();
        }

        @Override
        public void failed(String message) {
            pipe.println("ERROR " + message.replace('\n', ' '));
            pipe.flush();
        }
    }

    /** To systemd ({@code Type=notify}) when it set {@code NOTIFY_SOCKET}; errors to stderr. */
    record Systemd(String notifySocket, PrintStream stderr) implements Readiness {
        @Override
        public void ready(long pid) {
            SdNotify.notify(notifySocket, "READY=1\nMAINPID=" + pid);
        }

        @Override
        public void failed(String message) {
            stderr.println(message);
            SdNotify.notify(notifySocket, "STATUS=" + message.replace('\n', ' '));
        }
    }
}

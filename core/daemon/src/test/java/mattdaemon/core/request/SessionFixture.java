package mattdaemon.core.request;

import java.io.IOException;
import java.net.InetAddress;
import java.time.InstantSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import mattdaemon.api.LineCodec;
import mattdaemon.core.auth.AuthState;
import mattdaemon.core.auth.LoginThrottle;
import mattdaemon.core.auth.Protection;
import mattdaemon.core.event.EventBus;
import mattdaemon.core.log.DaemonLog;
import mattdaemon.core.log.SessionLog;

/** A real log in a temporary folder, and a caller that is a session without a socket. */
final class SessionFixture implements AutoCloseable {
    final DaemonLog log;
    final EventBus events;
    final Protection protection;

    SessionFixture(Path dir) throws IOException {
        this.log = DaemonLog.open(dir.resolve("log/matt_daemon.log"));
        this.events = new EventBus(List::of, log);
        this.protection = Protection.load(Files.createDirectories(dir.resolve("state")));
    }

    /** A session with the given transport; its auth state is its own. */
    record TestCaller(long id, String peer, InetAddress address, LineCodec codec, boolean secure, AuthState auth,
                      SessionLog log) implements Caller {
    }

    TestCaller caller(boolean secure) {
        return new TestCaller(7, "127.0.0.1:5000", InetAddress.getLoopbackAddress(), LineCodec.PLAIN, secure,
                new AuthState(), new SessionLog(log, "127.0.0.1:5000", 7));
    }

    SecurityPolicy policy(boolean tlsRequired) {
        return new SecurityPolicy(protection, new CompletableFuture<>(), tlsRequired,
                new LoginThrottle(InstantSource.system()));
    }

    /** The log's lines so far (the log writes asynchronously: closing it is what flushes). */
    List<String> logLinesAfterClose() throws IOException {
        close();
        return Files.readAllLines(log.file());
    }

    @Override
    public void close() {
        events.close();
        log.close();
    }
}

package mattdaemon.client.protocol;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import mattdaemon.client.protocol.ConnectFailure.Reason;
import mattdaemon.protocol.ErrorCode;
import mattdaemon.protocol.Greeting;
import mattdaemon.protocol.SessionChange;
import mattdaemon.protocol.Wire;

/**
 * Opens a session: TCP connect, the greeting (or the {@code MAXCLIENTS} refusal), then
 * {@code starttls} when asked, then {@code auth} when the daemon requires a password, in that
 * order, so that with TLS on the password travels encrypted. Blocks: call
 * it off the user interface thread.
 */
public final class Connector {
    private final Duration timeout;

    /** Waits at most {@code timeout} for each step. */
    public Connector(Duration timeout) {
        this.timeout = timeout;
    }

    /** With a five-second limit per step. */
    public Connector() {
        this(Duration.ofSeconds(5));
    }

    /**
     * Connects and sets the session up.
     *
     * @throws ConnectFailure with a message meant for people, whatever went wrong
     */
    public DaemonConnection connect(ConnectRequest request) throws ConnectFailure {
        Socket socket = open(request);
        LineChannel channel;
        Greeting greeting;
        try {
            channel = new LineChannel(socket);
            greeting = greet(channel, request);
            socket.setSoTimeout(0);
        } catch (IOException e) {
            close(socket);
            throw new ConnectFailure(Reason.PROTOCOL, request.address() + " broke off before greeting: " + e.getMessage(), e);
        } catch (ConnectFailure e) {
            close(socket);
            throw e;
        }
        DaemonConnection connection = new DaemonConnection(channel, request.host(), request.port(), greeting, request.pin());
        connection.start();
        try {
            if (request.tls()) {
                startTls(connection);
            }
            if (greeting.passwordRequired()) {
                authenticate(connection, request.password());
            }
            return connection;
        } catch (ConnectFailure e) {
            connection.close();
            throw e;
        }
    }

    private Socket open(ConnectRequest request) throws ConnectFailure {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(request.host(), request.port()), (int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) timeout.toMillis());
            return socket;
        } catch (ConnectException e) {
            close(socket);
            throw new ConnectFailure(Reason.DOWN, "Matt_daemon is not running on " + request.address()
                    + " (connection refused). Start it, or check the host and port.", e);
        } catch (UnknownHostException e) {
            close(socket);
            throw new ConnectFailure(Reason.UNREACHABLE, "Unknown host: " + request.host() + ".", e);
        } catch (SocketTimeoutException e) {
            close(socket);
            throw new ConnectFailure(Reason.UNREACHABLE, "No answer from " + request.address() + " within "
                    + timeout.toSeconds() + " s.", e);
        } catch (IOException e) {
            close(socket);
            throw new ConnectFailure(Reason.UNREACHABLE, "Cannot reach " + request.address() + ": " + e.getMessage(), e);
        }
    }

    private static Greeting greet(LineChannel channel, ConnectRequest request) throws IOException, ConnectFailure {
        String first = channel.readLine();
        if (first == null) {
            throw new ConnectFailure(Reason.PROTOCOL, request.address() + " closed the connection without a greeting.", null);
        }
        if (Wire.isStatus(first) && Wire.Status.parse(first).code().equals(ErrorCode.MAXCLIENTS)) {
            String why = Wire.Status.parse(first).text();
            throw new ConnectFailure(Reason.MAXCLIENTS, "Matt_daemon on " + request.address()
                    + " already serves all the clients it allows" + (why.isEmpty() ? "" : " (" + why + ")")
                    + ". Try again once another client has disconnected.", null);
        }
        try {
            if (!Wire.isNotice(first)) {
                throw new IllegalArgumentException(first);
            }
            return Greeting.parse(Wire.noticeText(first));
        } catch (IllegalArgumentException e) {
            throw new ConnectFailure(Reason.PROTOCOL, request.address() + " is not a Matt_daemon: it said \"" + first + "\".", e);
        }
    }

    private void startTls(DaemonConnection connection) throws ConnectFailure {
        Reply reply = await(connection, "starttls", Reason.TLS);
        if (!(reply.change() instanceof SessionChange.StartTls)) {
            throw new ConnectFailure(Reason.TLS, "This daemon does not offer TLS (" + reply.statusLine() + ").", null);
        }
    }

    private void authenticate(DaemonConnection connection, String password) throws ConnectFailure {
        if (password.isEmpty()) {
            throw new ConnectFailure(Reason.AUTH, "This daemon requires a password.", null);
        }
        Reply reply = await(connection, "auth " + password, Reason.AUTH);
        if (!(reply.change() instanceof SessionChange.Authenticated)) {
            throw new ConnectFailure(Reason.AUTH, "Wrong password: Matt_daemon on " + connection.host() + ":" + connection.port()
                    + " refused it (\"" + reply.statusLine() + "\"). Check the password and connect again.", null);
        }
    }

    private Reply await(DaemonConnection connection, String line, Reason reason) throws ConnectFailure {
        String what = line.split(" ", 2)[0];
        try {
            return connection.send(line).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ConnectFailure(reason, what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ConnectFailure(reason, "No reply to " + what + " within " + timeout.toSeconds() + " s.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectFailure(reason, what + " interrupted.", e);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // the failure being reported matters more
        }
    }
}

package mattdaemon.client.protocol;

/**
 * What to connect to and how.
 *
 * @param host     host name or address
 * @param port     TCP port
 * @param tls      whether to upgrade with {@code starttls} before anything else is sent
 * @param password sent with {@code auth} when the daemon asks for one; empty for none
 * @param pin      the certificate pin used when {@code tls} is on
 */
public record ConnectRequest(String host, int port, boolean tls, String password, CertificatePin pin) {
    /** Checks the values. */
    public ConnectRequest {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535");
        }
        password = password == null ? "" : password;
        pin = pin == null ? CertificatePin.firstUse() : pin;
    }

    /** Plain, with no password. */
    public static ConnectRequest plain(String host, int port) {
        return new ConnectRequest(host, port, false, "", CertificatePin.firstUse());
    }

    /** {@code host:port}. */
    public String address() {
        return host + ":" + port;
    }
}

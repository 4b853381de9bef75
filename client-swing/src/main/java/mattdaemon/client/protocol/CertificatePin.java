package mattdaemon.client.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Trust on first use for the daemon's self-signed certificate: with no pin yet, any
 * certificate is accepted and its SHA-256 fingerprint remembered; with a pin, only the
 * certificate with that fingerprint is.
 */
public final class CertificatePin {
    private final String expected;
    private volatile String seen;

    private CertificatePin(String expected) {
        this.expected = expected == null || expected.isBlank() ? null : normalise(expected);
    }

    /** Accepts the first certificate it sees. */
    public static CertificatePin firstUse() {
        return new CertificatePin(null);
    }

    /** Accepts only the certificate whose SHA-256 fingerprint is {@code fingerprint} (hex, colons optional). */
    public static CertificatePin of(String fingerprint) {
        return new CertificatePin(fingerprint);
    }

    /** The pinned fingerprint, if any. */
    public Optional<String> expected() {
        return Optional.ofNullable(expected);
    }

    /** The fingerprint of the certificate the last handshake presented, once there was one. */
    public Optional<String> seen() {
        return Optional.ofNullable(seen);
    }

    /**
     * Checks the server's certificate and remembers its fingerprint.
     *
     * @throws java.security.cert.CertificateException when it is not the pinned one
     */
    void check(X509Certificate certificate) throws java.security.cert.CertificateException {
        String fingerprint = fingerprint(certificate);
        seen = fingerprint;
        if (expected != null && !expected.equals(fingerprint)) {
            throw new java.security.cert.CertificateException("the daemon's certificate changed: its SHA-256 fingerprint is "
                    + fingerprint + ", the one remembered for this server is " + expected);
        }
    }

    /** The SHA-256 fingerprint as upper-case hex pairs joined by colons. */
    public static String fingerprint(X509Certificate certificate) throws CertificateEncodingException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String normalise(String fingerprint) {
        String hex = fingerprint.replace(":", "").strip();
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }
}

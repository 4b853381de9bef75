package mattdaemon.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The daemon's TLS key and certificate. Java has no public API to issue a certificate, so the
 * first start runs the JDK's own {@code keytool} once (an EC P-256 key, self-signed, ten years);
 * clients pin the certificate by its SHA-256 fingerprint, which the log and daemoninfo show.
 */
public final class TlsIdentity {
    private static final String ALIAS = "matt_daemon";

    private final Path store;
    private final Path secret;
    private final String fingerprint;
    private SSLContext context;

    private TlsIdentity(Path store, Path secret, String fingerprint) {
        this.store = store;
        this.secret = secret;
        this.fingerprint = fingerprint;
    }

    /**
     * Makes sure the identity exists in {@code stateDir}, creating it the first time, and
     * returns it with its fingerprint. The fingerprint is kept in a small file beside the key,
     * so an ordinary start reads a line instead of loading TLS: the daemon stays smaller until a
     * client actually asks for {@code starttls}.
     */
    public static TlsIdentity loadOrCreate(Path stateDir) throws IOException, GeneralSecurityException {
        Path store = stateDir.resolve("tls.p12");
        Path secret = stateDir.resolve("tls.pass");
        Path fingerprintFile = stateDir.resolve("tls.fingerprint");
        if (!Files.exists(store) || !Files.exists(secret)) {
            Files.deleteIfExists(fingerprintFile);
            create(stateDir, store, secret);
        }
        String fingerprint = Files.exists(fingerprintFile) ? Files.readString(fingerprintFile, StandardCharsets.US_ASCII).strip() : "";
        if (!fingerprint.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}")) {
            fingerprint = fingerprintOf(load(store, password(secret)).getCertificate(ALIAS));
            Path written = Files.createTempFile(stateDir, "tls", ".fingerprint",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(written, fingerprint + "\n", StandardCharsets.US_ASCII);
            Files.move(written, fingerprintFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return new TlsIdentity(store, secret, fingerprint);
    }

    private static char[] password(Path secret) throws IOException {
        return Files.readString(secret, StandardCharsets.US_ASCII).strip().toCharArray();
    }

    private static KeyStore load(Path store, char[] password) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        return keys;
    }

    private static void create(Path stateDir, Path store, Path secret) throws IOException {
        Files.createDirectories(stateDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path newStore = stateDir.resolve("tls.p12.new");
        Files.deleteIfExists(newStore);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=Matt_daemon", "-validity", "3650",
                "-keystore", newStore.toString(), "-storetype", "PKCS12", "-storepass:env", "MATT_TLS_PASS"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .directory(stateDir.toFile());
        // the store password travels in the environment, never on a command line others can read
        builder.environment().put("MATT_TLS_PASS", password);
        Process process = builder.start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool could not create the TLS certificate");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating the TLS certificate");
        }
        Files.setPosixFilePermissions(newStore, PosixFilePermissions.fromString("rw-------"));
        Path newSecret = Files.createTempFile(stateDir, "tls", ".pass",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(newSecret, password + "\n", StandardCharsets.US_ASCII);
        Files.move(newSecret, secret, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.move(newStore, store, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** SHA-256 of the DER certificate, as colon-separated upper-case hex. */
    static String fingerprintOf(Certificate certificate) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    /** The TLS 1.3 server context, built on first use from the key store. */
    public synchronized SSLContext context() throws IOException, GeneralSecurityException {
        if (context == null) {
            char[] password = password(secret);
            KeyStore keys = load(store, password);
            if (!fingerprintOf(keys.getCertificate(ALIAS)).equals(fingerprint)) {
                throw new GeneralSecurityException("the TLS key store no longer matches its fingerprint " + fingerprint);
            }
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, password);
            SSLContext built = SSLContext.getInstance("TLSv1.3");
            built.init(managers.getKeyManagers(), null, new SecureRandom());
            context = built;
        }
        return context;
    }

    /** The certificate's SHA-256 fingerprint. */
    public String fingerprint() {
        return fingerprint;
    }
}

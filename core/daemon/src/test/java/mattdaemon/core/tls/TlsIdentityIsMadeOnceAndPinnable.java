package mattdaemon.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity is made by keytool the first time, kept private, and found again (the same
 * fingerprint) at every later start; the fingerprint is that of the certificate the TLS context
 * presents, and a damaged fingerprint file is recomputed from the key store, not trusted.
 */
final class TlsIdentityIsMadeOnceAndPinnable {
    @TempDir
    Path temp;

    @Test
    void madeOnceKeptPrivateFoundAgain() throws Exception {
        Path state = temp.resolve("state");
        TlsIdentity first = TlsIdentity.loadOrCreate(state);
        assertThat(first.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        for (String file : new String[] {"tls.p12", "tls.pass", "tls.fingerprint"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
        long made = Files.getLastModifiedTime(state.resolve("tls.p12")).toMillis();
        TlsIdentity again = TlsIdentity.loadOrCreate(state);
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(Files.getLastModifiedTime(state.resolve("tls.p12")).toMillis()).isEqualTo(made);
        assertThat(again.context()).isInstanceOf(SSLContext.class);
    }

    @Test
    void theFingerprintIsTheCertificatesAndADamagedCopyIsNotBelieved() throws Exception {
        Path state = temp.resolve("state");
        String fingerprint = TlsIdentity.loadOrCreate(state).fingerprint();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        char[] password = Files.readString(state.resolve("tls.pass"), StandardCharsets.US_ASCII).strip().toCharArray();
        try (var in = Files.newInputStream(state.resolve("tls.p12"))) {
            keys.load(in, password);
        }
        Certificate certificate = keys.getCertificate("matt_daemon");
        assertThat(((X509Certificate) certificate).getSubjectX500Principal().getName()).isEqualTo("CN=Matt_daemon");
        assertThat(TlsIdentity.fingerprintOf(certificate)).isEqualTo(fingerprint);

        Files.writeString(state.resolve("tls.fingerprint"), "not a fingerprint\n");
        assertThat(TlsIdentity.loadOrCreate(state).fingerprint()).isEqualTo(fingerprint);
        assertThat(Files.readString(state.resolve("tls.fingerprint")).strip()).isEqualTo(fingerprint);
    }
}

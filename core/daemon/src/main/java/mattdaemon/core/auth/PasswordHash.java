package mattdaemon.core.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted, slow PBKDF2-HMAC-SHA256 hash of a password, in the text form
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64). Comparison is constant-time.
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {
    /** OWASP's current recommendation for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    /** Copies the arrays so the record stays immutable. */
    public PasswordHash {
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Hashes {@code password} with a fresh random salt. */
    public static PasswordHash of(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return new PasswordHash(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    /** Whether {@code password} is the one hashed, in time independent of where they differ. */
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    /** The stored text form. */
    public String encode() {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * Parses the stored text form.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static PasswordHash decode(String text) {
        String[] parts = text.strip().split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("not a " + PREFIX + " hash");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return new PasswordHash(Integer.parseInt(parts[1]), b64.decode(parts[2]), b64.decode(parts[3]));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash p && iterations == p.iterations && Arrays.equals(salt, p.salt)
                && Arrays.equals(hash, p.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return PREFIX + "(iterations=" + iterations + ")";
    }
}

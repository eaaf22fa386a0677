package uz.ekommunal.gateway.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Mosquitto 2.0's password hash, exactly as {@code mosquitto_passwd} writes it:
 * {@code $7$<iterations>$<base64 salt>$<base64 PBKDF2-HMAC-SHA512 of the password, 64 bytes>},
 * with a 12-byte salt and 101 iterations by default. Meter secrets are 256-bit random values, so the
 * low iteration count costs an attacker nothing useful and keeps CONNECT cheap (about 0.1 ms).
 */
public final class MosquittoPasswordHash {

    public static final int DEFAULT_ITERATIONS = 101;
    private static final int SALT_BYTES = 12;
    private static final int HASH_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MosquittoPasswordHash() {
    }

    /** A fresh salted hash of {@code password}. */
    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return format(DEFAULT_ITERATIONS, salt, pbkdf2(password, salt, DEFAULT_ITERATIONS));
    }

    /** True when {@code password} matches {@code stored}; false for any other or malformed hash. */
    public static boolean matches(String password, String stored) {
        if (password == null || stored == null || !stored.startsWith("$7$")) {
            return false;
        }
        String[] parts = stored.split("\\$", -1); // "", "7", iterations, salt, hash
        if (parts.length != 5) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[2]);
            if (iterations < 1 || iterations > 1_000_000) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[3]);
            byte[] expected = Base64.getDecoder().decode(parts[4]);
            return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder();
        return "$7$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        // PBEKeySpec takes chars and the JDK's PBKDF2 feeds them to HMAC as UTF-8, as Mosquitto hashes its bytes.
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is part of every Java 17", e);
        }
    }
}

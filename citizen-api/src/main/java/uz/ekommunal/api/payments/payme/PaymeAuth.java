package uz.ekommunal.api.payments.payme;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Payme's HTTP Basic authentication: login {@code Paycom}, password the cashbox key. The
 * production and the test key are both accepted (Payme's sandbox uses the test key); with no key
 * configured every call is refused.
 */
public final class PaymeAuth {

    private static final String LOGIN = "Paycom";

    private final List<byte[]> keys;

    public PaymeAuth(List<String> keys) {
        this.keys = keys.stream().filter(Objects::nonNull).filter(k -> !k.isBlank())
                .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    public boolean configured() {
        return !keys.isEmpty();
    }

    /** @param authorization the Authorization header as received, or null */
    public boolean accepts(String authorization) {
        if (authorization == null || keys.isEmpty()
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !decoded.substring(0, colon).equals(LOGIN)) {
            return false;
        }
        byte[] password = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        boolean accepted = false;
        for (byte[] key : keys) {
            accepted |= MessageDigest.isEqual(key, password); // constant time: no early exit on a match either
        }
        return accepted;
    }
}

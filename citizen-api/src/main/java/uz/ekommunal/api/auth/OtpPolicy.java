package uz.ekommunal.api.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * The rules of sign-in codes.
 *
 * @param codeDigits digits of a code
 * @param lifetime how long a code can be used
 * @param maxAttempts wrong tries before a code is burnt
 * @param perPhone sends to one number
 * @param perAddress sends asked from one client address
 */
public record OtpPolicy(int codeDigits, Duration lifetime, int maxAttempts, RateLimit perPhone, RateLimit perAddress) {

    public static final OtpPolicy DEFAULTS = new OtpPolicy(6, Duration.ofMinutes(5), 5,
            new RateLimit(3, Duration.ofMinutes(10)), new RateLimit(20, Duration.ofHours(1)));

    public OtpPolicy {
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(perPhone, "perPhone");
        Objects.requireNonNull(perAddress, "perAddress");
        if (codeDigits < 4 || codeDigits > 9 || maxAttempts < 1) {
            throw new IllegalArgumentException("bad OTP policy: " + codeDigits + " digits, " + maxAttempts + " attempts");
        }
    }

    /** How far back sends are kept for the limits. */
    public Duration longestWindow() {
        return perPhone.window().compareTo(perAddress.window()) > 0 ? perPhone.window() : perAddress.window();
    }
}

package uz.ekommunal.api.auth;

import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The rules of sign-in codes. Limits count per requester, not only per target: sends to one phone
 * are counted per asking address, so strangers asking codes for someone's phone never use up the
 * owner's own sends; a network (/24, /48) is capped as a whole so that any other address of the same
 * block does not start afresh; the hour's SMS budget caps the whole system.
 *
 * @param codeDigits digits of a code
 * @param lifetime how long a code can be used
 * @param maxAttempts wrong tries before a code is burnt
 * @param perPhone sends to one number asked from one address
 * @param perAddress sends asked from one client address
 * @param perNetwork sends asked from one network (/24 for IPv4, /48 for IPv6)
 */
public record OtpPolicy(int codeDigits, Duration lifetime, int maxAttempts, RateLimit perPhone, RateLimit perAddress,
        RateLimit perNetwork) {

    public static final OtpPolicy DEFAULTS = new OtpPolicy(6, Duration.ofMinutes(5), 5,
            new RateLimit(3, Duration.ofMinutes(10)), new RateLimit(20, Duration.ofHours(1)),
            new RateLimit(200, Duration.ofHours(1)));

    public OtpPolicy {
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(perPhone, "perPhone");
        Objects.requireNonNull(perAddress, "perAddress");
        Objects.requireNonNull(perNetwork, "perNetwork");
        if (codeDigits < 4 || codeDigits > 9 || maxAttempts < 1) {
            throw new IllegalArgumentException("bad OTP policy: " + codeDigits + " digits, " + maxAttempts + " attempts");
        }
    }

    /** How far back sends are kept for the limits. */
    public Duration longestWindow() {
        return Stream.of(perPhone.window(), perAddress.window(), perNetwork.window()).max(Duration::compareTo)
                .orElseThrow();
    }
}

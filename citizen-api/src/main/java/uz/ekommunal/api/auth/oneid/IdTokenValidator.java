package uz.ekommunal.api.auth.oneid;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uz.ekommunal.api.auth.AuthException;
import uz.ekommunal.api.auth.Hashes;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/**
 * Checks an ID token as OpenID Connect Core 1.0, section 3.1.3.7 asks: signed with an asymmetric
 * key OneID publishes (never "none", never HMAC with our client secret), issued by OneID for this
 * client, unexpired by the injected clock, and carrying the nonce this sign-in started with.
 */
public final class IdTokenValidator {

    /** Clocks disagree a little; a minute is the usual allowance. */
    static final Duration SKEW = Duration.ofSeconds(60);
    private static final Set<JWSAlgorithm> ASYMMETRIC = asymmetric();

    private final String issuer;
    private final String clientId;
    private final DefaultJWTProcessor<SecurityContext> signatures = new DefaultJWTProcessor<>();
    private final Clock clock;

    /** @param keys OneID's published keys ({@code jwks_uri}); a key not yet seen makes it fetch again */
    public IdTokenValidator(String issuer, String clientId, JWKSource<SecurityContext> keys, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clock = clock;
        signatures.setJWSKeySelector(new JWSVerificationKeySelector<>(ASYMMETRIC, keys));
        // the claims are checked below, against the injected clock rather than the system's
        signatures.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    /**
     * @return who signed in
     * @throws AuthException {@link ApiError#ONEID_ID_TOKEN_INVALID}, the detail naming what is wrong
     */
    public OneIdClaims validate(String idToken, String expectedNonce) {
        JWTClaimsSet claims = signedClaims(idToken);
        if (!issuer.equals(claims.getIssuer())) {
            throw invalid("is from another issuer");
        }
        List<String> audience = claims.getAudience();
        String azp = text(claims, "azp");
        if (!audience.contains(clientId) || (audience.size() > 1 || azp != null) && !clientId.equals(azp)) {
            throw invalid("is for another client");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || !now.isBefore(exp.toInstant().plus(SKEW))) {
            throw invalid("has expired");
        }
        if (iat == null || iat.toInstant().isAfter(now.plus(SKEW))) {
            throw invalid("is issued in the future");
        }
        if (!Hashes.same(expectedNonce, text(claims, "nonce"))) {
            throw invalid("carries another nonce than this sign-in's");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > 255) {
            throw invalid("names no subject");
        }
        return new OneIdClaims(issuer, subject, verifiedPhone(claims));
    }

    private JWTClaimsSet signedClaims(String idToken) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken == null ? "" : idToken);
        } catch (ParseException e) {
            throw invalid("is not a signed JWT");
        }
        if (!ASYMMETRIC.contains(jwt.getHeader().getAlgorithm())) {
            throw invalid("is signed with " + jwt.getHeader().getAlgorithm() + ", not with a key OneID publishes");
        }
        try {
            return signatures.process(jwt, null);
        } catch (BadJOSEException e) {
            throw invalid("signature does not verify with OneID's keys");
        } catch (JOSEException e) {
            throw new AuthException(ApiException.because(ApiError.ONEID_UNAVAILABLE, null, "oneidSSigningKeys"));
        }
    }

    /** The phone, when OneID says it verified it ({@code phone_number_verified} true). */
    private static Optional<PhoneNumber> verifiedPhone(JWTClaimsSet claims) {
        try {
            Boolean verified = claims.getBooleanClaim("phone_number_verified");
            String phone = claims.getStringClaim("phone_number");
            return Boolean.TRUE.equals(verified) && phone != null ? PhoneNumber.parse(phone) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static String text(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw invalid("has a " + name + " that is not text");
        }
    }

    private static AuthException invalid(String what) {
        return new AuthException(ApiException.because(ApiError.ONEID_ID_TOKEN_INVALID, null, "oneidSIdToken", what));
    }

    private static Set<JWSAlgorithm> asymmetric() {
        Set<JWSAlgorithm> algorithms = new HashSet<>(JWSAlgorithm.Family.RSA);
        algorithms.addAll(JWSAlgorithm.Family.EC);
        return Set.copyOf(algorithms);
    }
}

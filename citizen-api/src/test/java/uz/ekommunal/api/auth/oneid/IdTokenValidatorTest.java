package uz.ekommunal.api.auth.oneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.auth.AuthException;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.testing.MutableClock;

/** Each rule of ID token validation, one token that breaks it at a time; the good token passes. */
class IdTokenValidatorTest {

    private static final String ISSUER = "https://oneid.example.uz";
    private static final String CLIENT = "ekommunal";
    private static final String NONCE = "n-0S6_WzA2Mj";
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private static RSAKey oneIdKey;
    private static RSAKey otherKey;
    private final MutableClock clock = new MutableClock(NOW);
    private IdTokenValidator validator;

    @BeforeAll
    static void keys() throws Exception {
        oneIdKey = new RSAKeyGenerator(2048).keyID("oneid-1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("oneid-1").generate();
    }

    private IdTokenValidator validator() {
        if (validator == null) {
            validator = new IdTokenValidator(ISSUER, CLIENT, new ImmutableJWKSet<>(new JWKSet(oneIdKey.toPublicJWK())),
                    clock);
        }
        return validator;
    }

    private static JWTClaimsSet.Builder good() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("oneid-subject-1").audience(CLIENT)
                .issueTime(Date.from(NOW.minusSeconds(5))).expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))))
                .claim("nonce", NONCE).claim("phone_number", "+998901234567").claim("phone_number_verified", true);
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String token(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return signed(oneIdKey, change.apply(good()).build());
    }

    private void refused(String idToken, String nonce, String why) {
        assertThatThrownBy(() -> validator().validate(idToken, nonce))
                .isInstanceOfSatisfying(AuthException.class,
                        e -> assertThat(e.error()).isEqualTo(ApiError.ONEID_ID_TOKEN_INVALID))
                .hasMessageContaining(why);
    }

    @Test
    void aGoodTokenNamesItsSubjectAndVerifiedPhone() throws Exception {
        OneIdClaims claims = validator().validate(token(b -> b), NONCE);

        assertThat(claims.issuer()).isEqualTo(ISSUER);
        assertThat(claims.subject()).isEqualTo("oneid-subject-1");
        assertThat(claims.verifiedPhone()).contains(new PhoneNumber("+998901234567"));
    }

    @Test
    void aPhoneIsKeptOnlyWhenOneIdVerifiedItAndItIsAnUzbekMobile() throws Exception {
        assertThat(validator().validate(token(b -> b.claim("phone_number_verified", false)), NONCE).verifiedPhone())
                .isEmpty();
        assertThat(validator().validate(token(b -> b.claim("phone_number_verified", null)), NONCE).verifiedPhone())
                .isEmpty();
        assertThat(validator().validate(token(b -> b.claim("phone_number_verified", "true")), NONCE).verifiedPhone())
                .isEmpty();
        assertThat(validator().validate(token(b -> b.claim("phone_number", "+79001234567")), NONCE).verifiedPhone())
                .isEmpty();
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        String[] parts = token(b -> b).split("\\.");
        String otherSubject = Base64URL.encode(good().subject("someone-else").build().toString()
                .getBytes(StandardCharsets.UTF_8)).toString();

        refused(parts[0] + "." + otherSubject + "." + parts[2], NONCE, "signature does not verify");
    }

    @Test
    void aTokenSignedWithAnotherKeyOfTheSameIdIsRefused() throws Exception {
        refused(signed(otherKey, good().build()), NONCE, "signature does not verify");
    }

    @Test
    void unsignedAndClientSecretSignedTokensAreRefused() throws Exception {
        refused(new PlainJWT(good().build()).serialize(), NONCE, "not a signed JWT");
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), good().build());
        hmac.sign(new MACSigner("a-client-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8)));
        refused(hmac.serialize(), NONCE, "signed with HS256");
        refused("not-a-jwt", NONCE, "not a signed JWT");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        refused(token(b -> b.issuer("https://evil.example")), NONCE, "another issuer");
        refused(token(b -> b.issuer(null)), NONCE, "another issuer");
    }

    @Test
    void aTokenForAnotherClientIsRefused() throws Exception {
        refused(token(b -> b.audience("another-client")), NONCE, "another client");
        refused(token(b -> b.audience(List.of("another-client", CLIENT))), NONCE, "another client");
        refused(token(b -> b.audience(List.of("another-client", CLIENT)).claim("azp", "another-client")), NONCE,
                "another client");
        refused(token(b -> b.claim("azp", "another-client")), NONCE, "another client");
        // several audiences are fine when this client is the authorized party
        assertThat(validator().validate(token(b -> b.audience(List.of("another-client", CLIENT)).claim("azp", CLIENT)),
                NONCE).subject()).isEqualTo("oneid-subject-1");
    }

    @Test
    void aWrongOrMissingNonceIsRefused() throws Exception {
        refused(token(b -> b), "another-nonce", "another nonce");
        refused(token(b -> b.claim("nonce", null)), NONCE, "another nonce");
    }

    @Test
    void anExpiredTokenIsRefusedByTheInjectedClock() throws Exception {
        String idToken = token(b -> b);
        clock.advance(Duration.ofMinutes(5).plus(IdTokenValidator.SKEW).minusSeconds(1));
        assertThat(validator().validate(idToken, NONCE).subject()).isEqualTo("oneid-subject-1");
        clock.advance(Duration.ofSeconds(1));
        refused(idToken, NONCE, "has expired");
        refused(token(b -> b.expirationTime(null)), NONCE, "has expired");
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() throws Exception {
        refused(token(b -> b.issueTime(Date.from(NOW.plus(Duration.ofMinutes(2))))), NONCE, "in the future");
        refused(token(b -> b.issueTime(null)), NONCE, "in the future");
    }

    @Test
    void aTokenWithoutSubjectIsRefused() throws Exception {
        refused(token(b -> b.subject(null)), NONCE, "no subject");
        refused(token(b -> b.subject(" ")), NONCE, "no subject");
    }
}

package uz.ekommunal.api.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uz.ekommunal.api.appeals.Language;

/**
 * Short-lived access tokens: JWTs (RFC 7519) signed with HS256, JDK only. Claims: {@code iss},
 * {@code sub} (user id), {@code role}, {@code prv} (an operator's provider), {@code iat},
 * {@code exp}. Verification accepts only HS256 with our key and issuer, and an unexpired token
 * by the injected clock; anything else is no caller at all. A token that verified is kept with
 * its claims (by its whole text, so the same bytes and signature) and its expiry is checked again
 * on every use: access tokens are not revoked (signing out revokes the refresh token), so this
 * answers what verifying again would, without the HMAC, Base64 and JSON of every request.
 */
public final class AccessTokens {

    public static final String ISSUER = "ekommunal";
    private static final String HEADER = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final JsonFactory JSON = new JsonFactory();

    /** Verified tokens kept at most; beyond it the kept ones are dropped (they verify again). */
    static final int MAX_KEPT = 20_000;

    private final byte[] key;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    /** A valid token's caller and the profile's language it carries (null when the person chose none). */
    public record Verified(Caller caller, Language language) {
    }

    /** What a verified token gave, and until when it holds. */
    private record Kept(Verified verified, Instant expires) {
    }

    /** @param key at least 32 bytes (HS256 wants a key as long as its hash) */
    public AccessTokens(byte[] key, Duration lifetime, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the token key must have at least 32 bytes, has " + key.length);
        }
        this.key = key.clone();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A signed token for this caller, valid from now for the lifetime. */
    public String issue(Caller caller) {
        return issue(caller, null);
    }

    /** ... carrying the profile's language ({@code lng}), which answers in it when a request names none. */
    public String issue(Caller caller, Language language) {
        long now = clock.instant().getEpochSecond();
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + caller.userId() + "\",\"role\":\""
                + caller.role().name() + "\"" + (caller.providerId() == null ? "" : ",\"prv\":" + caller.providerId())
                + (language == null ? "" : ",\"lng\":\"" + language.code() + "\"")
                + ",\"iat\":" + now + ",\"exp\":" + (now + lifetime.toSeconds()) + "}";
        String signingInput = HEADER + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + b64(Hashes.hmacSha256(key, signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The caller, or empty for a token that is malformed, forged, of another issuer or expired. */
    public Optional<Caller> verify(String token) {
        return verified(token).map(Verified::caller);
    }

    /** The profile's language a valid token carries, if the person chose one. */
    public Optional<Language> language(String token) {
        return verified(token).map(Verified::language);
    }

    /** How many verified tokens are kept now (for tests). */
    int kept() {
        return kept.size();
    }

    /** The caller and language of a valid token; empty as {@link #verify} is. */
    public Optional<Verified> verified(String token) {
        Kept hit = token == null ? null : kept.get(token);
        if (hit != null) {
            if (clock.instant().isBefore(hit.expires())) {
                return Optional.of(hit.verified());
            }
            kept.remove(token, hit);
            return Optional.empty();
        }
        return claims(token).flatMap(claims -> {
            Verified v;
            try {
                Number provider = (Number) claims.get("prv");
                v = new Verified(new Caller(Long.parseLong((String) claims.get("sub")),
                        Role.valueOf((String) claims.get("role")), provider == null ? null : provider.longValue()),
                        claims.get("lng") instanceof String s ? Language.of(s).orElse(null) : null);
            } catch (RuntimeException e) {
                // a claim missing or of the wrong type: signed by us, so a bug, but still no caller
                return Optional.empty();
            }
            if (kept.size() >= MAX_KEPT) {
                kept.clear(); // expired ones are dropped here too
            }
            kept.put(token, new Kept(v, Instant.ofEpochSecond(((Number) claims.get("exp")).longValue())));
            return Optional.of(v);
        });
    }

    private Optional<Map<String, Object>> claims(String token) {
        if (token == null || token.length() > 2048) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !MessageDigest.isEqual(parts[0].getBytes(StandardCharsets.US_ASCII),
                HEADER.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        byte[] expected = Hashes.hmacSha256(key, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        byte[] signature;
        Map<String, Object> claims;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(expected, signature)) {
                return Optional.empty();
            }
            claims = flatObject(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
        try {
            Instant exp = Instant.ofEpochSecond(((Number) claims.get("exp")).longValue());
            if (!ISSUER.equals(claims.get("iss")) || !clock.instant().isBefore(exp)) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (RuntimeException e) {
            // a claim missing or of the wrong type: signed by us, so a bug, but still no caller
            return Optional.empty();
        }
    }

    /** A JSON object of strings and whole numbers (what we sign); nested values are refused. */
    private static Map<String, Object> flatObject(byte[] json) throws IOException {
        Map<String, Object> out = new HashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (value) {
                    case VALUE_STRING -> out.put(name, p.getText());
                    case VALUE_NUMBER_INT -> out.put(name, p.getLongValue());
                    default -> throw new IOException("unexpected " + value);
                }
            }
        }
        return out;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package uz.ekommunal.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.testing.MutableClock;

class AuthRulesTest {

    private static final Instant NOW = Instant.parse("2026-01-15T06:00:00Z");
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+998901234567      | +998901234567",
        "998901234567       | +998901234567",
        "+998 90 123-45-67  | +998901234567",
        "(+998) 90 1234567  | +998901234567",
        "+99890123456       | ",
        "+7 901 234 56 78   | ",
        "+998 90 123 45 6a  | ",
        "90 123 45 67       | +998901234567",
        "(90) 123-45-67     | +998901234567",
        "+90 123 45 67      | ",
        "0 90 123 45 67     | ",
        "+998+901234567     | "})
    void phoneNumbers(String typed, String expected) {
        assertThat(PhoneNumber.parse(typed).map(PhoneNumber::e164).orElse(null)).isEqualTo(expected);
    }

    @Test
    void rateLimitCountsASlidingWindow() {
        RateLimit limit = new RateLimit(3, Duration.ofMinutes(10));
        List<Instant> two = List.of(NOW.minusSeconds(60), NOW.minusSeconds(30));
        assertThat(limit.waitBeforeNext(two, NOW)).isEmpty();
        List<Instant> three = List.of(NOW.minusSeconds(540), NOW.minusSeconds(60), NOW.minusSeconds(30));
        assertThat(limit.waitBeforeNext(three, NOW)).hasValue(Duration.ofSeconds(60));
        List<Instant> old = List.of(NOW.minusSeconds(601), NOW.minusSeconds(60), NOW.minusSeconds(30));
        assertThat(limit.waitBeforeNext(old, NOW)).isEmpty();
    }

    @Test
    void accessTokensRoundTripAndExpire() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AccessTokens tokens = new AccessTokens(KEY, Duration.ofMinutes(15), clock);
        String token = tokens.issue(new Caller(7, Role.OPERATOR, 3L));
        assertThat(tokens.verify(token)).hasValue(new Caller(7, Role.OPERATOR, 3L));
        AccessTokens later = new AccessTokens(KEY, Duration.ofMinutes(15), Clock.offset(clock, Duration.ofMinutes(15)));
        assertThat(later.verify(token)).isEmpty();
        AccessTokens otherKey = new AccessTokens("another-key-another-key-another-k".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(15), clock);
        assertThat(otherKey.verify(token)).isEmpty();
    }

    @Test
    void forgedTokensAreRefused() {
        AccessTokens tokens = new AccessTokens(KEY, Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC));
        String token = tokens.issue(new Caller(7, Role.HOUSEHOLD, null));
        String[] parts = token.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String admin = b64.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("HOUSEHOLD", "ADMINISTRATOR").getBytes(StandardCharsets.UTF_8));
        assertThat(tokens.verify(parts[0] + "." + admin + "." + parts[2])).isEmpty();
        String none = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(tokens.verify(none + "." + parts[1] + ".")).isEmpty();
        assertThat(tokens.verify("not-a-token")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
    }

    @Test
    void aKeptTokenStillExpiresAndKeepsNoForgery() {
        MutableClock clock = new MutableClock(NOW);
        AccessTokens tokens = new AccessTokens(KEY, Duration.ofMinutes(15), clock);
        String token = tokens.issue(new Caller(7, Role.HOUSEHOLD, null), Language.RU);
        AccessTokens.Verified expected = new AccessTokens.Verified(new Caller(7, Role.HOUSEHOLD, null), Language.RU);
        assertThat(tokens.verified(token)).hasValue(expected);
        assertThat(tokens.verified(token)).hasValue(expected); // kept
        assertThat(tokens.language(token)).hasValue(Language.RU);
        String[] parts = token.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String admin = b64.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("HOUSEHOLD", "ADMINISTRATOR").getBytes(StandardCharsets.UTF_8));
        assertThat(tokens.verify(parts[0] + "." + admin + "." + parts[2])).isEmpty();
        assertThat(tokens.verify(token + "x")).isEmpty();
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(tokens.verified(token)).hasValue(expected);
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.verified(token)).isEmpty();
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void keptTokensAreBounded() {
        AccessTokens tokens = new AccessTokens(KEY, Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i <= AccessTokens.MAX_KEPT + 10; i++) {
            String token = tokens.issue(new Caller(i, Role.HOUSEHOLD, null));
            assertThat(tokens.verify(token)).hasValue(new Caller(i, Role.HOUSEHOLD, null));
            assertThat(tokens.kept()).isLessThanOrEqualTo(AccessTokens.MAX_KEPT);
        }
    }
}

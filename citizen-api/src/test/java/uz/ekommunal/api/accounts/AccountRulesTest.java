package uz.ekommunal.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.billing.account.AccountKind;

class AccountRulesTest {

    @ParameterizedTest
    @CsvSource({
        "electricity, 1000001,     true",
        "electricity, 100001,      false",
        "electricity, 1000001a,    false",
        "gas,         20000001,    true",
        "gas,         2000001,     false",
        "hot_water,   30000000001, true",
        "heating,     3000000001,  false",
        "cold_water,  400001,      true",
        "sewerage,    4000011,     false"})
    void numberFormats(String utility, String number, boolean ok) {
        AccountKind kind = AccountNumbers.kindOf(utility).orElseThrow();
        assertThat(AccountNumbers.formatProblem(kind, number).isEmpty()).isEqualTo(ok);
    }

    @ParameterizedTest
    @CsvSource({
        "HOUSEHOLD,          , 7, true,  true",
        "HOUSEHOLD,          , 7, false, false",
        "OPERATOR,          7, 7, false, true",
        "OPERATOR,          8, 7, false, false",
        "OPERATOR,          8, 7, true,  false",
        "ADMINISTRATOR,      , 7, false, true",
        "COMPLAINTS_OFFICER, , 7, true,  false"})
    void whoMaySeeAnAccount(Role role, Long providerId, long accountProvider, boolean linked, boolean allowed) {
        assertThat(AccessRule.maySee(new Caller(1, role, providerId), accountProvider, linked)).isEqualTo(allowed);
    }

    @Test
    void bucketEdgesFollowTashkentDaysWeeksAndMonths() {
        ZoneId tashkent = ZoneId.of("Asia/Tashkent");
        Instant from = Instant.parse("2026-01-07T10:00:00Z");
        Instant to = Instant.parse("2026-01-09T00:00:00Z");
        assertThat(GroupBy.DAY.edges(from, to, tashkent).orElseThrow()).containsExactly(
                Instant.parse("2026-01-06T19:00:00Z"), Instant.parse("2026-01-07T19:00:00Z"),
                Instant.parse("2026-01-08T19:00:00Z"), Instant.parse("2026-01-09T19:00:00Z"));
        assertThat(GroupBy.WEEK.edges(from, to, tashkent).orElseThrow()).containsExactly(
                Instant.parse("2026-01-04T19:00:00Z"), Instant.parse("2026-01-11T19:00:00Z"));
        assertThat(GroupBy.MONTH.edges(from, to, tashkent).orElseThrow()).containsExactly(
                Instant.parse("2025-12-31T19:00:00Z"), Instant.parse("2026-01-31T19:00:00Z"));
        assertThat(GroupBy.HOUR.edges(Instant.parse("2020-01-01T00:00:00Z"), to, tashkent)).isEmpty();
    }
}

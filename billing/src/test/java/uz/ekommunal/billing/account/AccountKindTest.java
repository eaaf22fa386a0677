package uz.ekommunal.billing.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountKindTest {

    @ParameterizedTest
    @CsvSource({
        "ELECTRICITY, 1234567, true", "ELECTRICITY, 123456, false", "ELECTRICITY, 12345678, false",
        "ELECTRICITY, 12345a7, false", "GAS, 12345678, true", "GAS, 1234567, false",
        "HOT_WATER_HEATING, 12345678901, true", "HOT_WATER_HEATING, 1234567890, false",
        "COLD_WATER, 123456, true", "COLD_WATER, 1234567, false",
        "GARBAGE, TC-00042, true", "GARBAGE, 00042, false",
        "SINGLE_BILLING, 100000000001, true", "SINGLE_BILLING, 10000000001, false"})
    void numbersHaveTheirUtilitysFormat(AccountKind kind, String number, boolean valid) {
        assertThat(kind.accepts(number, "TC-\\d{5}")).isEqualTo(valid);
    }
}

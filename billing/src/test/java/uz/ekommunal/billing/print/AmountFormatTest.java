package uz.ekommunal.billing.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountFormatTest {

    /** Written with '_' for the no-break space, so the table stays readable. */
    private static String nbsp(String text) {
        return text.replace('_', '\u00A0');
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0           | 0,00_soʻm",
        "5           | 5,00_soʻm",
        "999.9       | 999,90_soʻm",
        "1000        | 1_000,00_soʻm",
        "78000.00    | 78_000,00_soʻm",
        "1234567.89  | 1_234_567,89_soʻm",
        "-1234.5     | -1_234,50_soʻm",
        "-100000.00  | -100_000,00_soʻm",
        "12.3400     | 12,34_soʻm",
    })
    void amountsHaveTwoDecimalsGroupedThousandsAndTheCurrency(String value, String expected) {
        assertThat(AmountFormat.amount(new BigDecimal(value))).isEqualTo(nbsp(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "719200.00   | +719_200,00_soʻm",
        "-126050.50  | -126_050,50_soʻm",
        "0.00        | 0,00_soʻm",
    })
    void balancesShowPrepaymentWithPlusAndDebtWithMinus(String value, String expected) {
        assertThat(AmountFormat.balance(new BigDecimal(value))).isEqualTo(nbsp(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "200         | 200",
        "200.000     | 200",
        "1500        | 1_500",
        "2E+3        | 2_000",
        "12.50       | 12,5",
        "0.125       | 0,125",
    })
    void quantitiesKeepTheirPrecisionWithoutTrailingZeros(String value, String expected) {
        assertThat(AmountFormat.quantity(new BigDecimal(value))).isEqualTo(nbsp(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "390         | 390,00",
        "3459.9      | 3_459,90",
        "1169.70     | 1_169,70",
        "226.125     | 226,125",
        "60700       | 60_700,00",
    })
    void tariffsHaveAtLeastTwoDecimals(String value, String expected) {
        assertThat(AmountFormat.tariff(new BigDecimal(value))).isEqualTo(nbsp(expected));
    }

    @Test
    void fractionsOfATiyinAreRefusedNotRounded() {
        assertThatThrownBy(() -> AmountFormat.amount(new BigDecimal("10.005")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10.005");
    }
}

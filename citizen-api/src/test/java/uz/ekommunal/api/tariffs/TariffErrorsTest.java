package uz.ekommunal.api.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.billing.tariffs.TariffStorageException;
import uz.ekommunal.tariff.ErrorCode;
import uz.ekommunal.tariff.TariffException;

class TariffErrorsTest {

    @Test
    void inputErrorsNameTheFieldInTheApisWords() {
        Throwable mapped = TariffErrors.toApi(new TariffException(ErrorCode.NEGATIVE_QUANTITY, "items[2].consumption", "-1"));
        assertThat(mapped).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.error()).isEqualTo(ApiError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("utilities[2].consumption");
            assertThat(e.getMessage()).isEqualTo("utilities[2].consumption must not be negative: -1");
        });
        assertThat(((ApiException) TariffErrors.toApi(new TariffException(ErrorCode.NO_TARIFF, "date", "x"))).error())
                .isEqualTo(ApiError.NO_TARIFF);
        assertThat(((ApiException) TariffErrors.toApi(new TariffException(ErrorCode.UNKNOWN_REGION, "region", "x"))).error())
                .isEqualTo(ApiError.UNKNOWN_VALUE);
    }

    @Test
    void aBrokenBookIsOurFaultAndAnAbsentDatabaseIsUnavailable() {
        TariffException book = new TariffException(ErrorCode.BOOK_CONFLICT, "X", "competes with Y");
        assertThat(TariffErrors.toApi(book)).isSameAs(book);
        assertThat(TariffErrors.toApi(new TariffStorageException("down", new SQLException("down"))))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.error()).isEqualTo(ApiError.SERVICE_UNAVAILABLE));
    }

    @Test
    void decimalsAreExactStrings() {
        assertThat(Decimals.price(new BigDecimal("450"))).isEqualTo("450.00");
        assertThat(Decimals.price(new BigDecimal("3000.0"))).isEqualTo("3000.00");
        assertThat(Decimals.price(new BigDecimal("8928.670"))).isEqualTo("8928.67");
        assertThat(Decimals.price(new BigDecimal("0.125"))).isEqualTo("0.125");
        assertThat(Decimals.quantity(new BigDecimal("3E+2"))).isEqualTo("300");
        assertThat(Decimals.quantity(new BigDecimal("12.50"))).isEqualTo("12.5");
    }
}

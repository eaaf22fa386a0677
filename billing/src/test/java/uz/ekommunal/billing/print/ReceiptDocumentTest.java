package uz.ekommunal.billing.print;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uz.ekommunal.billing.print.Samples.bd;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptDocumentTest {

    private static ReceiptDocument with(BigDecimal charged, BigDecimal after) {
        return new ReceiptDocument("N1", LocalDate.of(2025, 6, 1), StatementPeriod.of(YearMonth.of(2025, 5)),
                Samples.ACCOUNT, "Holder", "Address", Samples.electricityProvider(), Samples.electricityLines(),
                bd("0.00"), charged, bd("0.00"), after);
    }

    @Test
    void linesMustAddUpToTheChargedTotal() {
        assertThatThrownBy(() -> with(bd("280000.00"), bd("-280000.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lines add up to 280800.00");
    }

    @Test
    void balanceAfterMustBeBeforePlusPaidMinusCharged() {
        assertThatThrownBy(() -> with(bd("280800.00"), bd("280800.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("balance after should be -280800.00");
    }

    @Test
    void amountsBeyondTheTiyinAreRefused() {
        assertThatThrownBy(() -> new ReceiptLine("x", null, null, null, null, bd("1.001")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Samples.receipt(List.of(), bd("0.005"), bd("0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPeriodCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> new StatementPeriod(LocalDate.of(2025, 5, 31), LocalDate.of(2025, 5, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

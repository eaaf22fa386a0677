package uz.ekommunal.api.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.tariff.Money;

class BillNoticesTest {

    @ParameterizedTest(name = "period ending {0}: due {1}")
    @CsvSource({"2026-02-01, 2026-02-10", "2026-01-01, 2026-01-10", "2026-01-16, 2026-02-10", "2027-01-01, 2027-01-10"})
    void dueDates(LocalDate periodEnd, LocalDate due) {
        assertThat(BillNotices.dueDate(periodEnd)).isEqualTo(due);
    }

    @ParameterizedTest(name = "after {0} the next due day is {1}")
    @CsvSource({"2026-02-07, 2026-02-10", "2026-02-09, 2026-02-10", "2026-02-10, 2026-03-10", "2026-12-31, 2027-01-10"})
    void nextDueDay(LocalDate today, LocalDate due) {
        assertThat(BillNotices.nextDueDay(today)).isEqualTo(due);
    }

    @ParameterizedTest(name = "{0} tiyin in {1}: {2}")
    @CsvSource({"22320000, EN, '223,200.00'", "22320000, RU, '223\u00a0200,00'", "5, UZ, '0,05'",
            "100000000000, EN, '1,000,000,000.00'"})
    void moneyAsPeopleReadIt(long tiyin, Language language, String text) {
        assertThat(BillNotices.som(Money.ofTiyin(tiyin), language)).isEqualTo(text).doesNotContainPattern("\\d{6}");
    }
}

package uz.ekommunal.gateway.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerificationDueTest {

    @ParameterizedTest(name = "verified {0}, every {1} months: due {2}")
    @CsvSource({
            "2021-03-01, 60, 2026-03-01",
            "2020-01-31, 1, 2020-02-29",   // a short month: the last day of it
            "2019-02-28, 12, 2020-02-28",
            "2024-02-29, 48, 2028-02-29",
            "2024-02-29, 12, 2025-02-28",
            "2010-06-15, 192, 2026-06-15"})
    void dueDates(LocalDate verified, int months, LocalDate due) {
        assertThat(VerificationDue.dueOn(verified, months)).isEqualTo(due);
    }

    @ParameterizedTest(name = "due {0}, today {1}, notice {2} days: {3}")
    @CsvSource({
            "2026-03-01, 2026-01-29, 30, VALID",    // 1 March less 30 days is 30 January (February has 28)
            "2026-03-01, 2026-01-30, 30, DUE_SOON",
            "2026-03-01, 2026-02-01, 30, DUE_SOON",
            "2026-03-01, 2026-02-02, 27, DUE_SOON",
            "2026-03-01, 2026-01-30, 0, VALID",
            "2026-03-01, 2026-02-28, 0, VALID",
            "2026-03-01, 2026-02-28, 1, DUE_SOON",
            "2026-03-01, 2026-03-01, 30, OVERDUE",
            "2026-03-01, 2027-01-01, 30, OVERDUE"})
    void status(LocalDate due, LocalDate today, int noticeDays, VerificationDue.Status expected) {
        assertThat(VerificationDue.status(due, today, noticeDays)).isEqualTo(expected);
    }

    @Test
    void aNoticeWindowStartsExactlyNoticeDaysBefore() {
        LocalDate due = LocalDate.of(2026, 3, 1);
        assertThat(VerificationDue.status(due, due.minusDays(30), 30)).isEqualTo(VerificationDue.Status.DUE_SOON);
        assertThat(VerificationDue.status(due, due.minusDays(31), 30)).isEqualTo(VerificationDue.Status.VALID);
    }

    @Test
    void anIntervalMustBePositive() {
        assertThatThrownBy(() -> VerificationDue.dueOn(LocalDate.of(2026, 1, 1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

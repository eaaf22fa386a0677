package uz.ekommunal.api.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deadline rule: calendar days from the day after receipt, a day off moves the end to the next working day. */
class AppealDeadlinesTest {

    private final Deadlines deadlines = new Deadlines(Set.of(LocalDate.parse("2026-03-09"),
            LocalDate.parse("2026-03-21"), LocalDate.parse("2026-01-01")));

    @ParameterizedTest(name = "{0} received {1} (extended {2}): answer by {3}")
    @CsvSource({
        // received Thursday 2026-01-15 in Tashkent: +15 days = Friday 2026-01-30
        "COMPLAINT,   2026-01-15T06:00:00Z, false, 2026-01-30",
        // received Friday 2026-01-16: +15 = Saturday 31st, moves to Monday 2 February
        "APPLICATION, 2026-01-16T06:00:00Z, false, 2026-02-02",
        // 23:30 UTC on the 15th is already the 16th in Tashkent (UTC+5)
        "COMPLAINT,   2026-01-15T23:30:00Z, false, 2026-02-02",
        // extended: one month from receipt, 2026-02-15 is a Sunday -> Monday 16th
        "COMPLAINT,   2026-01-15T06:00:00Z, true,  2026-02-16",
        // proposals: a month
        "PROPOSAL,    2026-02-06T06:00:00Z, false, 2026-03-06",
        // a month ending on Saturday 2026-03-21 (Navruz too) -> Monday 23rd
        "PROPOSAL,    2026-02-21T06:00:00Z, false, 2026-03-23",
        // 15 days ending Sunday 8 March, Monday 9 March a holiday -> Tuesday 10th
        "COMPLAINT,   2026-02-21T06:00:00Z, false, 2026-03-10",
    })
    void answerBy(Kind kind, String received, boolean extended, String expected) {
        assertThat(deadlines.answerBy(kind, Instant.parse(received), extended)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "received {0}: reject by {1}, forward by {2}")
    @CsvSource({
        "2026-01-15T06:00:00Z, 2026-01-16, 2026-01-20",
        // Friday: the next working day is Monday; 5 days end Wednesday
        "2026-01-16T06:00:00Z, 2026-01-19, 2026-01-21",
        // 31 December: 1 January is a holiday
        "2025-12-31T06:00:00Z, 2026-01-02, 2026-01-05",
    })
    void rejectAndForwardBy(String received, String rejectBy, String forwardBy) {
        assertThat(deadlines.rejectBy(Instant.parse(received))).isEqualTo(rejectBy);
        assertThat(deadlines.forwardBy(Instant.parse(received))).isEqualTo(forwardBy);
    }

    @ParameterizedTest(name = "{0} is overdue at {1}: {2}")
    @CsvSource({
        "2026-01-30, 2026-01-30T18:59:59Z, false",
        "2026-01-30, 2026-01-30T19:00:00Z, true",
    })
    void passed(String lastDay, String now, boolean passed) {
        assertThat(Deadlines.passed(LocalDate.parse(lastDay), Instant.parse(now))).isEqualTo(passed);
    }
}

package uz.ekommunal.gateway.vee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The recent trusted readings per register: what they answer from memory and when they say "ask". */
class RecentReadingsTest {

    private static final Instant T0 = Instant.parse("2025-11-01T00:00:00Z");

    private static Instant q(int quarter) {
        return T0.plus(Duration.ofMinutes(15L * quarter));
    }

    private static Vee.Previous at(int quarter) {
        return new Vee.Previous(q(quarter), BigDecimal.valueOf(1000 + quarter));
    }

    private static RecentReadings<String> window(int depth, int... quarters) {
        RecentReadings<String> recent = new RecentReadings<>(10, depth);
        recent.start("E1", at(quarters[0]));
        for (int i = 1; i < quarters.length; i++) {
            recent.add("E1", q(quarters[i]), at(quarters[i]).value());
        }
        return recent;
    }

    @Test
    void theLatestIsTheNewestReadingWhateverTheOrderTheyCameIn() {
        RecentReadings<String> recent = window(8, 4, 8, 6, 5);
        assertThat(recent.latest("E1")).isEqualTo(at(8));
        assertThat(recent.latest("E2")).isNull();
    }

    @Test
    void aLateReadingInsideTheWindowFindsBothNeighbours() {
        RecentReadings<String> recent = window(8, 4, 5, 6, 7, 12, 13);
        assertThat(recent.around("E1", q(9))).isEqualTo(new RecentReadings.Around(at(7), at(12)));
        assertThat(recent.around("E1", q(5))).as("at a stored time: neither neighbour is that reading")
                .isEqualTo(new RecentReadings.Around(at(4), at(6)));
        assertThat(recent.around("E1", q(13))).isEqualTo(new RecentReadings.Around(at(12), null));
    }

    @Test
    void aReadingAtOrBeforeTheWindowsFirstIsAskedFor() {
        RecentReadings<String> recent = window(8, 4, 5, 6);
        assertThat(recent.around("E1", q(4))).isNull();
        assertThat(recent.around("E1", q(2))).isNull();
        assertThat(recent.around("E2", q(5))).isNull();
    }

    @Test
    void aReadingBeforeTheFirstIsLeftOutSoTheWindowStaysWhole() {
        RecentReadings<String> recent = window(8, 4, 6, 2);
        assertThat(recent.around("E1", q(3))).as("2 was not added: what lies between 2 and 4 is unknown").isNull();
        assertThat(recent.around("E1", q(5))).isEqualTo(new RecentReadings.Around(at(4), at(6)));
    }

    @Test
    void beyondItsDepthTheOldestLeave() {
        RecentReadings<String> recent = window(3, 1, 2, 3, 4, 5);
        assertThat(recent.around("E1", q(3))).as("1 and 2 left").isNull();
        assertThat(recent.around("E1", q(4))).isEqualTo(new RecentReadings.Around(at(3), at(5)));
        recent.add("E1", q(4).plusSeconds(1), BigDecimal.TEN); // between 4 and 5: 3 leaves
        assertThat(recent.around("E1", q(4))).isNull();
        assertThat(recent.latest("E1")).isEqualTo(at(5));
    }

    @Test
    void theFirstValueForATimeIsKept() {
        RecentReadings<String> recent = window(8, 4, 6);
        recent.add("E1", q(6), BigDecimal.ONE);
        assertThat(recent.latest("E1")).isEqualTo(at(6));
    }

    @Test
    void registersNotCachedAreNotStartedByAnAdd() {
        RecentReadings<String> recent = new RecentReadings<>(10, 8);
        assertThat(recent.add("E1", q(1), BigDecimal.ONE)).isFalse();
        assertThat(recent.latest("E1")).isNull();
    }

    @Test
    void capacityZeroCachesNothingAndTheLeastRecentlyUsedGo() {
        RecentReadings<String> none = new RecentReadings<>(0, 8);
        none.start("E1", at(1));
        assertThat(none.latest("E1")).isNull();

        RecentReadings<String> two = new RecentReadings<>(2, 8);
        two.start("E1", at(1));
        two.start("E2", at(1));
        two.latest("E1");
        two.start("E3", at(1));
        assertThat(two.latest("E2")).isNull();
        assertThat(two.latest("E1")).isEqualTo(at(1));
        two.forget("E1");
        assertThat(two.latest("E1")).isNull();
    }
}

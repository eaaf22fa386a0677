package uz.ekommunal.billing.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uz.ekommunal.tariff.pricing.ReadingAt;

class ConsumptionTest {

    @ParameterizedTest(name = "{0} -> {1} mod {2}: {3} used, rollover {4}, decrease {5}")
    @CsvSource({
        "1000, 1350.5, 1000000, 350.5, false, false",
        "999900, 120, 1000000, 220, true, false",
        "99990.5, 0.5, 100000, 10.0, true, false",
        "5000, 4000, 1000000, 0, false, true",
        "700, 700, 1000, 0, false, false"})
    void registerDeltas(String start, String end, String modulus, String used, boolean rollover, boolean decrease) {
        RegisterDelta d = RegisterDelta.between(new BigDecimal(start), new BigDecimal(end), new BigDecimal(modulus));
        assertThat(d.used()).isEqualByComparingTo(used);
        assertThat(d.rolledOver()).isEqualTo(rollover);
        assertThat(d.decreased()).isEqualTo(decrease);
    }

    @Test
    void replacedMeterAndItsSuccessorAddUpAndSplitAtTheCut() {
        LocalDate cut = LocalDate.of(2025, 11, 12);
        // old meter: 5000 -> 5040 at the cut -> 5100 at its replacement (clamped: 5100 at the end)
        MeterPart old = part(1, 1_000_000, "5000", "5040", "5100");
        // new meter installed after the cut: 0 before (clamped), 50 at the end
        MeterPart successor = part(2, 1_000_000, "0", "0", "50");
        MeteredUse use = MeteredUse.of(List.of(cut), List.of(old, successor));
        assertThat(use.consumption()).isEqualByComparingTo("150");
        assertThat(use.readings()).singleElement().satisfies(r -> {
            assertThat(r.date()).isEqualTo(cut);
            assertThat(r.usedSinceStart()).isEqualByComparingTo("40");
        });
        assertThat(use.estimated()).isFalse();
        assertThat(use.missing()).isFalse();
    }

    @Test
    void aMeterWithoutReadingsBillsNothingAndSaysSo() {
        MeteredUse use = MeteredUse.of(List.of(), List.of(new MeterPart(1, Arrays.asList(null, null),
                List.of(true, true), BigDecimal.TEN.pow(6))));
        assertThat(use.missing()).isTrue();
        assertThat(use.consumption()).isEqualByComparingTo("0");
        assertThat(use.readings()).isEqualTo(List.<ReadingAt>of());
    }

    private static MeterPart part(long id, long modulus, String... values) {
        List<BigDecimal> v = Arrays.stream(values).map(BigDecimal::new).toList();
        return new MeterPart(id, v, v.stream().map(x -> false).toList(), BigDecimal.valueOf(modulus));
    }
}

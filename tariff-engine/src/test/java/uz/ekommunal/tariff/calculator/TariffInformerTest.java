package uz.ekommunal.tariff.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.TariffIndex;

class TariffInformerTest {

    static final TariffInformer INFORMER = new TariffInformer(TariffIndex.of(InMemoryTariffBook.loadDefault()));

    @Test
    void showsThe2016TableForA2016Date() {
        List<InformerRow> rows = INFORMER.tariffs(LocalDate.of(2016, 6, 1), Region.TASHKENT_CITY);
        assertThat(rows).extracting(InformerRow::utility, r -> price(r.withMeter()), r -> price(r.withoutMeter()))
                .containsExactly(
                        tuple(Utility.ELECTRICITY, "182.00", "182.00"),
                        tuple(Utility.NATURAL_GAS, "226.00", "4299.15"),
                        tuple(Utility.COLD_WATER, "390.00", "4767.81"),
                        tuple(Utility.HOT_WATER, "3459.90", "20267.60"),
                        tuple(Utility.HEATING, "—", "1169.70"),
                        tuple(Utility.GARBAGE, "—", "2800.00"));
    }

    @Test
    void showsTodaysTariffsWithBlocksAndTheSeasonalNorm() {
        List<InformerRow> rows = INFORMER.tariffs(LocalDate.of(2025, 12, 1), Region.TASHKENT_CITY);
        assertThat(rows).extracting(InformerRow::utility, r -> price(r.withMeter()), r -> price(r.withoutMeter()))
                .containsExactly(
                        tuple(Utility.ELECTRICITY, "600", "600"),
                        tuple(Utility.NATURAL_GAS, "1000", "—"),
                        tuple(Utility.COLD_WATER, "1400", "—"),
                        tuple(Utility.SEWERAGE, "1000", "—"),
                        tuple(Utility.HOT_WATER, "8928.67", "52303.39"),
                        tuple(Utility.HEATING, "—", "241.44"),
                        tuple(Utility.GARBAGE, "—", "8400"));
        InformerPrice gas = rows.get(1).withMeter();
        assertThat(gas.blocks()).extracting(PriceBlock::to).containsExactly(new BigDecimal("500"), null);
        assertThat(rows.get(0).withMeter().blocks()).hasSize(6);
    }

    @Test
    void tashkentRegionWithoutAMeterIsHalfAsMuchAgain() {
        List<InformerRow> rows = INFORMER.tariffs(LocalDate.of(2025, 6, 1), Region.TASHKENT_REGION);
        InformerRow water = rows.stream().filter(r -> r.utility() == Utility.COLD_WATER).findFirst().orElseThrow();
        assertThat(water.withMeter().price()).isEqualByComparingTo("2000");
        assertThat(water.withoutMeter().price()).isEqualByComparingTo("3000");
    }

    private static String price(InformerPrice price) {
        return price == null ? "—" : price.price().toPlainString();
    }
}

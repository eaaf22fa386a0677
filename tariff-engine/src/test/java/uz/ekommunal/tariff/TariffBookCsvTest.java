package uz.ekommunal.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;

class TariffBookCsvTest {

    @Test
    void defaultBookLoadsAndRoundTrips() {
        List<TariffVersion> versions = InMemoryTariffBook.loadDefault().versions();
        assertThat(versions).hasSizeGreaterThan(20);
        List<TariffVersion> again = TariffBookCsv.parse(new StringReader(TariffBookCsv.format(versions)));
        assertThat(again).isEqualTo(versions);
    }

    @Test
    void parsesBlocksSeasonsRegionsAndCoefficients() {
        TariffVersion gas = TariffBookCsv.parseRow("G,NATURAL_GAS,PER_UNIT,METERED,KARAKALPAKSTAN|KHOREZM,STANDARD,"
                + "2025-05-01,,norm:1000|*:1800,10-01..03-01:500/100,,250", "line 1");
        assertThat(gas.regions()).containsExactlyInAnyOrder(Region.KARAKALPAKSTAN, Region.KHOREZM);
        assertThat(gas.season()).isEqualTo(new SeasonalNorm(MonthDay.of(10, 1), MonthDay.of(3, 1),
                new BigDecimal("500"), new BigDecimal("100")));
        assertThat(gas.validTo()).isNull();
        assertThat(gas.statePaysAboveNorm()).isEqualByComparingTo("250");

        TariffVersion water = TariffBookCsv.parseRow("W,COLD_WATER,PER_UNIT,ANY,ALL,STANDARD,"
                + "2024-02-20,2030-01-01,*:2000,,1.5,", "line 2");
        assertThat(water.basePrice(false)).isEqualByComparingTo("3000");
        assertThat(water.validTo()).isEqualTo(LocalDate.of(2030, 1, 1));
    }

    @Test
    void namesTheLineOfABadRow() {
        String book = TariffBookCsv.HEADER + "\n# comment\n\nX,ELECTRICITY,PER_UNIT,ANY,ALL,STANDARD,2024-13-01,,*:1,,,\n";
        assertThatThrownBy(() -> TariffBookCsv.parse(new StringReader(book)))
                .isInstanceOfSatisfying(TariffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BOOK_FORMAT);
                    assertThat(e.field()).isEqualTo("line 4");
                });
    }

    @Test
    void refusesInconsistentVersions() {
        assertThatThrownBy(() -> TariffBookCsv.parseRow(
                "X,ELECTRICITY,PER_UNIT,ANY,ALL,STANDARD,2024-01-01,,1000:1|200:2|*:3,,,", "line 9"))
                .isInstanceOfSatisfying(TariffException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BOOK_INVALID_TARIFF));
        assertThatThrownBy(() -> TariffBookCsv.parseRow(
                "X,HEATING,PER_AREA,ANY,ALL,STANDARD,2024-01-01,,10:1|*:2,,,", "line 9"))
                .isInstanceOf(TariffException.class);
    }

    @Test
    void refusesCompetingVersions() {
        String book = """
                A,ELECTRICITY,PER_UNIT,ANY,ALL,STANDARD,2024-01-01,2025-01-01,*:1,,,
                B,ELECTRICITY,PER_UNIT,METERED,ALL,STANDARD,2024-06-01,,*:2,,,
                """;
        assertThatThrownBy(() -> InMemoryTariffBook.load(new StringReader(book)))
                .isInstanceOfSatisfying(TariffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BOOK_CONFLICT);
                    assertThat(e.field()).isEqualTo("B");
                });
    }

    @Test
    void regionalVersionMayOverlapTheNationalOne() {
        String book = """
                A,NATURAL_GAS,PER_UNIT,METERED,ALL,STANDARD,2024-01-01,,*:1,,,
                B,NATURAL_GAS,PER_UNIT,METERED,KHOREZM,STANDARD,2024-01-01,,*:2,,,
                C,NATURAL_GAS,PER_UNIT,METERED,ALL,ELECTRIC_STOVE,2024-01-01,,*:3,,,
                """;
        assertThat(InMemoryTariffBook.load(new StringReader(book)).versions()).hasSize(3);
    }
}

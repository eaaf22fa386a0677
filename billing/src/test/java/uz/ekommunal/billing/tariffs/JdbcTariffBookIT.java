package uz.ekommunal.billing.tariffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.tariff.Block;
import uz.ekommunal.tariff.ChargeBasis;
import uz.ekommunal.tariff.ErrorCode;
import uz.ekommunal.tariff.HouseholdClass;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.MeterCondition;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.TariffException;
import uz.ekommunal.tariff.TariffVersion;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.calculator.Calculator;
import uz.ekommunal.tariff.calculator.CalculatorItem;
import uz.ekommunal.tariff.calculator.CalculatorRequest;
import uz.ekommunal.tariff.calculator.CalculatorResult;
import uz.ekommunal.testing.TestDatabase;

/** The tariff book in PostgreSQL: loaded by migration, read back exactly, changed only by adding versions. */
class JdbcTariffBookIT {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T06:00:00Z"), ZoneId.of("Asia/Tashkent"));
    static TestDatabase db;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.create();
        TariffSchema.migrate(db.dataSource());
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void theMigrationLoadsTheDefaultBookExactly() {
        Comparator<TariffVersion> byId = Comparator.comparing(TariffVersion::id);
        List<TariffVersion> stored = new JdbcTariffBook(db.dataSource()).versions().stream().sorted(byId).toList();
        List<TariffVersion> shipped = InMemoryTariffBook.loadDefault().versions().stream().sorted(byId).toList();
        assertThat(stored).isEqualTo(shipped);
    }

    @Test
    void migratingAgainChangesNothing() {
        assertThat(TariffSchema.migrate(db.dataSource()).migrationsExecuted).isZero();
        assertThat(new JdbcTariffBook(db.dataSource()).versions())
                .hasSameSizeAs(InMemoryTariffBook.loadDefault().versions());
    }

    @Test
    void pricesElectricityFromTheDatabase() {
        JdbcTariffBook book = new JdbcTariffBook(db.dataSource());
        assertThat(electricity(book, "2024-05-01", Region.TASHKENT_CITY).total()).isEqualTo(Money.of("180000"));
        assertThat(electricity(book, "2025-05-01", Region.TASHKENT_CITY).total()).isEqualTo(Money.of("200000"));
    }

    @Test
    void aVersionAddedThroughTheStoreIsUsedAfterReload() {
        TestDatabase own = TestDatabase.create();
        try (own) {
            TariffSchema.migrate(own.dataSource());
            JdbcTariffBook book = new JdbcTariffBook(own.dataSource());
            TariffBookStore store = new TariffBookStore(own.dataSource(), CLOCK);
            assertThat(book.engine().index().find(Utility.GARBAGE, Region.SAMARKAND, HouseholdClass.STANDARD, false,
                    LocalDate.parse("2026-01-01"))).isEmpty();

            store.add(flat("GARBAGE-SAMARKAND-2025-01-01", Utility.GARBAGE, ChargeBasis.PER_RESIDENT,
                    Set.of(Region.SAMARKAND), "2025-01-01", null, "5000"));
            assertThat(book.engine().index().find(Utility.GARBAGE, Region.SAMARKAND, HouseholdClass.STANDARD, false,
                    LocalDate.parse("2026-01-01"))).as("cached until reload").isEmpty();

            book.reload();
            assertThat(book.engine().index().find(Utility.GARBAGE, Region.SAMARKAND, HouseholdClass.STANDARD, false,
                    LocalDate.parse("2026-01-01"))).map(TariffVersion::id).contains("GARBAGE-SAMARKAND-2025-01-01");
        }
    }

    @Test
    void supersedingClosesTheOldVersionAndKeepsItsHistory() {
        TestDatabase own = TestDatabase.create();
        try (own) {
            TariffSchema.migrate(own.dataSource());
            JdbcTariffBook book = new JdbcTariffBook(own.dataSource());
            TariffBookStore store = new TariffBookStore(own.dataSource(), CLOCK);
            store.supersede("GARBAGE-TASHKENT_CITY-2024-01-01", flat("GARBAGE-TASHKENT_CITY-2026-07-01",
                    Utility.GARBAGE, ChargeBasis.PER_RESIDENT, Set.of(Region.TASHKENT_CITY), "2026-07-01", null, "9000"));
            book.reload();

            assertThat(book.versions()).filteredOn(v -> v.id().equals("GARBAGE-TASHKENT_CITY-2024-01-01"))
                    .singleElement().extracting(TariffVersion::validTo).isEqualTo(LocalDate.parse("2026-07-01"));
            assertThat(garbagePrice(book, "2026-06-30")).isEqualByComparingTo("8400");
            assertThat(garbagePrice(book, "2026-07-01")).isEqualByComparingTo("9000");
        }
    }

    @Test
    void theStoreRefusesAVersionThatCompetesWithTheBook() {
        TariffBookStore store = new TariffBookStore(db.dataSource(), CLOCK);
        TariffVersion clash = flat("ELECTRICITY-CLASH", Utility.ELECTRICITY, ChargeBasis.PER_UNIT, Set.of(),
                "2025-06-01", null, "700");
        assertThatThrownBy(() -> store.add(clash)).isInstanceOfSatisfying(TariffException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BOOK_CONFLICT));
        TariffVersion sameId = flat("ELECTRICITY-2016", Utility.ELECTRICITY, ChargeBasis.PER_UNIT,
                Set.of(Region.NAVOI), "2030-01-01", null, "1");
        assertThatThrownBy(() -> store.add(sameId)).isInstanceOfSatisfying(TariffException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BOOK_CONFLICT));
        assertThatThrownBy(() -> store.supersede("ELECTRICITY-2016", flat("X", Utility.ELECTRICITY,
                ChargeBasis.PER_UNIT, Set.of(), "2030-01-01", null, "1")))
                .isInstanceOfSatisfying(TariffException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BOOK_INVALID_TARIFF));
        assertThat(store.versions()).hasSameSizeAs(InMemoryTariffBook.loadDefault().versions());
    }

    @Test
    void storedVersionsAreHistoryTheDatabaseRefusesToChangeOrDelete() throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate(
                    "update tariff.tariff_versions set blocks = '*:1' where id = 'ELECTRICITY-2016'"))
                    .hasMessageContaining("add a new version");
            assertThatThrownBy(() -> sql.executeUpdate(
                    "delete from tariff.tariff_versions where id = 'ELECTRICITY-2016'"))
                    .hasMessageContaining("never deleted");
        }
    }

    private static CalculatorResult electricity(JdbcTariffBook book, String date, Region region) {
        return new Calculator(book.engine(), CLOCK).calculate(new CalculatorRequest(
                List.of(CalculatorItem.metered(Utility.ELECTRICITY, "300")), region, LocalDate.parse(date), null, 1,
                null, 1, false));
    }

    private static BigDecimal garbagePrice(JdbcTariffBook book, String date) {
        return book.engine().index().find(Utility.GARBAGE, Region.TASHKENT_CITY, HouseholdClass.STANDARD, false,
                LocalDate.parse(date)).orElseThrow().basePrice(false);
    }

    static TariffVersion flat(String id, Utility utility, ChargeBasis basis, Set<Region> regions, String from,
            String to, String price) {
        return new TariffVersion(id, utility, basis, MeterCondition.ANY, regions, HouseholdClass.STANDARD,
                LocalDate.parse(from), to == null ? null : LocalDate.parse(to), List.of(Block.flat(new BigDecimal(price))),
                null, null, null);
    }
}

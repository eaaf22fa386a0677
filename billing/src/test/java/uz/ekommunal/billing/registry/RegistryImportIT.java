package uz.ekommunal.billing.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.NewProvider;
import uz.ekommunal.billing.account.ProviderAreas;
import uz.ekommunal.billing.account.ServedArea;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;

class RegistryImportIT {

    static final String H = RegistryLayout.HEADER + "\n";

    static BillingDatabase db;
    static Accounts accounts;
    static MeterRegistry meters;
    static RegistryImport importer;

    @BeforeAll
    static void setUp() throws Exception {
        db = new BillingDatabase();
        meters = new MeterRegistry(db.dataSource());
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
        accounts = new Accounts(db.dataSource(), meters, clock);
        importer = new RegistryImport(db.dataSource(), accounts, meters, clock);
        provider("RES-A", AccountKind.ELECTRICITY);
        provider("HEAT-A", AccountKind.HOT_WATER_HEATING);
        provider("RES-B", AccountKind.ELECTRICITY);
        provider("RES-C", AccountKind.ELECTRICITY);
        meters.register(new NewMeter("E-A-1", "electricity", "mqtt", "2000001", 6, BigDecimal.ONE, null, null));
        meters.register(new NewMeter("E-B-1", "electricity", "mqtt", "3000001", 6, BigDecimal.ONE, null, null));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static void provider(String code, AccountKind kind) throws Exception {
        accounts.createProvider(new NewProvider(code, kind, null, Region.TASHKENT_CITY, "Chilonzor",
                new ProviderRequisites(code, "A. Karimov", "+998 71 200 00 00", "Tashkent", "201234567", "00014",
                        "90310", "20210000900123456001")));
    }

    static ImportReport run(String csv, boolean dryRun) throws Exception {
        return importer.run(new StringReader(csv), dryRun, RegistryImport.Progress.NONE, (c, r) -> { });
    }

    @Test
    void aFileOpensAccountsAndTheSameFileAgainChangesNothing() throws Exception {
        String csv = H + """
                # the first two households of RES-A
                2000001,electricity,RES-A,Aziza Karimova,"Navoiy 5, kv. 12",,3,0,no,yes,central,2026-01-01,E-A-1
                2000002,electricity,RES-A,Bobur Aliyev,Navoiy 7,electricity,1,,yes,no,,2026-01-01,
                10000000001,hot_water_heating,HEAT-A,Aziza Karimova,"Navoiy 5, kv. 12",heating,3,54.5,no,no,central,2026-01-01,
                """;
        ImportReport first = run(csv, false);
        assertThat(first.problems()).isEmpty();
        assertThat(first.rows()).isEqualTo(3);
        assertThat(first).extracting(ImportReport::accountsOpened, ImportReport::holderChanges,
                ImportReport::factsRecorded, ImportReport::servicesAdded, ImportReport::metersLinked)
                .containsExactly(3L, 0L, 3L, 3L, 1L);

        var account = accounts.findByNumber(AccountKind.ELECTRICITY, "2000001").orElseThrow();
        assertThat(account.holderName()).isEqualTo("Aziza Karimova");
        assertThat(account.address()).isEqualTo("Navoiy 5, kv. 12");
        assertThat(account.openedOn()).isEqualTo(LocalDate.of(2026, 1, 1));
        var facts = accounts.factsOn(account.id(), LocalDate.of(2026, 3, 1)).orElseThrow();
        assertThat(facts.residents()).isEqualTo(3);
        assertThat(facts.electricStove()).isTrue();
        assertThat(facts.district()).isEqualTo("Chilonzor");
        assertThat(accounts.findByNumber(AccountKind.HOT_WATER_HEATING, "10000000001").orElseThrow().services())
                .containsExactly(Utility.HEATING);
        assertThat(query("select serial || '@' || register from billing.account_meters where account_id = "
                + account.id())).containsExactly("E-A-1@1-0:1.8.0");

        ImportReport again = run(csv, false);
        assertThat(again.problems()).isEmpty();
        assertThat(again.changedNothing()).as(again.summary()).isTrue();
    }

    @Test
    void aChangedRowBecomesADatedChangeAndHistoryStays() throws Exception {
        run(H + "2000101,electricity,RES-A,Dilnoza Yusupova,Olmazor 1,,3,0,no,no,,2026-01-01,\n", false);
        ImportReport changed = run(H + "2000101,electricity,RES-A,Dilnoza Rahimova,Olmazor 1,,5,0,no,no,,2026-03-15,\n",
                false);
        assertThat(changed.problems()).isEmpty();
        assertThat(changed).extracting(ImportReport::accountsOpened, ImportReport::holderChanges,
                ImportReport::factsRecorded).containsExactly(0L, 1L, 1L);
        long id = accounts.findByNumber(AccountKind.ELECTRICITY, "2000101").orElseThrow().id();
        assertThat(accounts.factsOn(id, LocalDate.of(2026, 3, 14)).orElseThrow().residents()).isEqualTo(3);
        assertThat(accounts.factsOn(id, LocalDate.of(2026, 3, 15)).orElseThrow().residents()).isEqualTo(5);
        assertThat(accounts.account(id).holderName()).isEqualTo("Dilnoza Rahimova");
        assertThat(query("select valid_from || ' ' || holder_name from billing.account_holders where account_id = "
                + id + " order by valid_from"))
                .containsExactly("2026-01-01 Dilnoza Yusupova", "2026-03-15 Dilnoza Rahimova");
        // the old row again (an older file) changes nothing: it is history, already recorded
        assertThat(run(H + "2000101,electricity,RES-A,Dilnoza Yusupova,Olmazor 1,,3,0,no,no,,2026-01-01,\n", false)
                .changedNothing()).isTrue();
    }

    @Test
    void serialsAreResolvedAllAtOnceWithTheirMainOrNamedRegisterAndAnUnknownOneRefusesOnlyItsRow() throws Exception {
        meters.register(new NewMeter("H-S-1", "heat", "mqtt", "10000000009", 6, BigDecimal.ONE, null, null));
        meters.register(new NewMeter("W-S-1", "hot_water", "mqtt", "10000000009", 6, BigDecimal.ONE, null, null));
        meters.register(new NewMeter("H-S-2", "heat", "mqtt", "10000000010", 6, BigDecimal.ONE, null, null));
        String csv = H + """
                10000000009,hot_water_heating,HEAT-A,Two Meters,Navoiy 9,,2,40,no,no,central,2026-01-01,H-S-1;W-S-1@9-0:1.0.0
                10000000010,hot_water_heating,HEAT-A,One Unknown,Navoiy 10,,2,40,no,no,central,2026-01-01,H-S-2;NOPE-2
                """;
        ImportReport report = run(csv, false);
        assertThat(report.problems()).extracting(ImportProblem::line, ImportProblem::field, ImportProblem::reason)
                .containsExactly(tuple(3L, "meters", "no meter with serial NOPE-2 is registered"));
        long id = accounts.findByNumber(AccountKind.HOT_WATER_HEATING, "10000000009").orElseThrow().id();
        assertThat(query("select serial || '@' || register from billing.account_meters where account_id = " + id
                + " order by 1")).containsExactly("H-S-1@6-0:1.0.0", "W-S-1@9-0:1.0.0");
        assertThat(accounts.findByNumber(AccountKind.HOT_WATER_HEATING, "10000000010")).isEmpty();
        assertThat(query("select a.number from billing.account_meters am join billing.accounts a on a.id = am.account_id"
                + " where am.serial = 'H-S-2'")).as("nothing of the refused row is linked").isEmpty();
    }

    @Test
    void everyKindOfBadRowIsReportedAndNoneIsWritten() throws Exception {
        String csv = H + """
                3000001,electricity,RES-B,Good One,Yakkasaroy 1,,2,0,no,no,,2026-01-01,E-B-1
                300002,electricity,RES-B,Short Number,Yakkasaroy 2,,2,0,no,no,,2026-01-01,
                3000003,electricity,NO-SUCH,Unknown Provider,Yakkasaroy 3,,2,0,no,no,,2026-01-01,
                3000004,electricity,RES-B,Twice,Yakkasaroy 4,,2,0,no,no,,2026-01-01,
                3000004,electricity,RES-B,Twice Again,Yakkasaroy 4,,2,0,no,no,,2026-01-01,
                3000005,electricity,RES-B,Negative,Yakkasaroy 5,,-1,0,no,no,,2026-01-01,
                3000006,electricity,RES-B,Bad Date,Yakkasaroy 6,,2,0,no,no,,2026-02-30,
                3000007,electricity,RES-B,Other Date,Yakkasaroy 7,,2,0,no,no,,05.12.2026,
                3000008,electricity,RES-B,Broken,"Yakkasaroy 8,,2,0,no,no,,2026-01-01,
                3000009,electricity,RES-B,Unknown Meter,Yakkasaroy 9,,2,0,no,no,,2026-01-01,NOPE-1
                3000010,electricity,RES-B,Good Two,Yakkasaroy 10,,4,0,no,no,,2026-01-01,
                3000011,electricity,RES-B,Meter Twice,Yakkasaroy 11,,2,0,no,no,,2026-01-01,E-B-1;E-B-1@1-0:1.8.0
                """;
        long accountsBefore = count("billing.accounts");
        long factsBefore = count("billing.household_facts");

        ImportReport dry = run(csv, true);
        assertThat(dry.problems()).extracting(ImportProblem::line, ImportProblem::code).containsExactly(
                tuple(3L, RegistryFault.BAD_ACCOUNT_NUMBER), tuple(4L, RegistryFault.UNKNOWN_PROVIDER),
                tuple(5L, RegistryFault.DUPLICATE_ACCOUNT), tuple(6L, RegistryFault.DUPLICATE_ACCOUNT),
                tuple(7L, RegistryFault.BAD_NUMBER), tuple(8L, RegistryFault.BAD_DATE),
                tuple(9L, RegistryFault.BAD_DATE), tuple(10L, RegistryFault.BROKEN_QUOTING),
                tuple(11L, RegistryFault.UNKNOWN_METER), tuple(13L, RegistryFault.BAD_METER));
        assertThat(dry.problems().get(0).reason()).contains("7 digits");
        assertThat(dry.problems().get(2).reason()).contains("lines 5, 6");
        assertThat(dry.accountsOpened()).isEqualTo(2);
        assertThat(dry.accepted()).isEqualTo(2);
        assertThat(count("billing.accounts")).as("a dry run writes nothing").isEqualTo(accountsBefore);
        assertThat(count("billing.household_facts")).isEqualTo(factsBefore);

        ImportReport real = run(csv, false);
        assertThat(real.problems()).isEqualTo(dry.problems());
        assertThat(query("select a.number from billing.accounts a join billing.providers p on p.id = a.provider_id"
                + " where p.code = 'RES-B' order by 1")).containsExactly("3000001", "3000010");
        assertThat(count("billing.accounts")).isEqualTo(accountsBefore + 2);
    }

    @Test
    void theExportImportsBackWithoutAChange() throws Exception {
        run(H + """
                4000001,electricity,RES-C,Farhod Tursunov,"Mirzo Ulug'bek 3, ""Baraka"" uyi",,4,12.5,yes,no,gas_boiler,2026-02-01,
                4000002,electricity,RES-C,Gulnora Saidova,Sergeli 9,,2,0,no,no,,2026-01-01,
                """, false);
        run(H + "4000002,electricity,RES-C,Gulnora Saidova,Sergeli 9,,3,0,no,no,,2026-06-01,\n", false);
        long provider = accounts.providerByCode("RES-C").orElseThrow().id();
        StringWriter out = new StringWriter();
        assertThat(new RegistryExport(db.dataSource()).write(out, provider)).isEqualTo(2);
        assertThat(out.toString()).startsWith(RegistryLayout.HEADER_WITH_AREA + "\n").contains(
                "4000001,electricity,RES-C,Farhod Tursunov,\"Mirzo Ulug'bek 3, \"\"Baraka\"\" uyi\",electricity,4,12.50,"
                        + "yes,no,gas_boiler,2026-02-01,,TASHKENT_CITY,Chilonzor",
                "4000002,electricity,RES-C,Gulnora Saidova,Sergeli 9,electricity,3,0.00,no,no,,2026-06-01,,"
                        + "TASHKENT_CITY,Chilonzor");
        ImportReport back = run(out.toString(), false);
        assertThat(back.problems()).isEmpty();
        assertThat(back.changedNothing()).as(back.summary()).isTrue();
    }

    @Test
    void aProviderServingSeveralAreasHasEachHouseholdInOneOfThemAndNoneOutside() throws Exception {
        provider("RES-WIDE", AccountKind.ELECTRICITY);
        long wide = accounts.providerByCode("RES-WIDE").orElseThrow().id();
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(new ProviderAreas().replace(c, wide, List.of(new ServedArea(Region.TASHKENT_CITY, "Yunusobod"),
                    new ServedArea(Region.TASHKENT_REGION, null)))).containsExactly(
                    new ServedArea(Region.TASHKENT_CITY, "Chilonzor"), new ServedArea(Region.TASHKENT_CITY, "Yunusobod"),
                    new ServedArea(Region.TASHKENT_REGION, null));
        }
        String wideHeader = RegistryLayout.HEADER_WITH_AREA + "\n";
        ImportReport report = run(wideHeader + """
                5000001,electricity,RES-WIDE,In Chilonzor,Qatortol 1,,3,0,no,no,,2026-01-01,,tashkent_city,Chilonzor
                5000002,electricity,RES-WIDE,In Yunusobod,Amir Temur 2,,3,0,no,no,,2026-01-01,,TASHKENT_CITY,yunusobod
                5000003,electricity,RES-WIDE,In Zangiota,Zangiota 3,,3,0,no,no,,2026-01-01,,TASHKENT_REGION,Zangiota
                5000004,electricity,RES-WIDE,Area Not Said,Somewhere 4,,3,0,no,no,,2026-01-01,,,
                5000005,electricity,RES-WIDE,District Not Said,Somewhere 5,,3,0,no,no,,2026-01-01,,TASHKENT_CITY,
                5000006,electricity,RES-WIDE,Not Served,Sergeli 6,,3,0,no,no,,2026-01-01,,TASHKENT_CITY,Sergeli
                5000007,electricity,RES-WIDE,No Such Region,Atlantis 7,,3,0,no,no,,2026-01-01,,ATLANTIS,
                5000008,electricity,RES-A,One Area Provider,Navoiy 8,,3,0,no,no,,2026-01-01,,,
                """, false);
        assertThat(report.problems()).extracting(ImportProblem::line, ImportProblem::code, ImportProblem::field)
                .containsExactly(tuple(5L, RegistryFault.MISSING_VALUE, "region"),
                        tuple(6L, RegistryFault.MISSING_VALUE, "district"),
                        tuple(7L, RegistryFault.OUTSIDE_PROVIDER_AREA, "district"),
                        tuple(8L, RegistryFault.UNKNOWN_REGION, "region"));
        assertThat(report.accountsOpened()).isEqualTo(4);
        assertThat(query("""
                select a.number || ' ' || f.region || ' ' || coalesce(f.district, '-') from billing.accounts a
                join billing.household_facts f on f.account_id = a.id where a.number like '500000%' order by a.number"""))
                .containsExactly("5000001 TASHKENT_CITY Chilonzor", "5000002 TASHKENT_CITY Yunusobod",
                        "5000003 TASHKENT_REGION Zangiota", "5000008 TASHKENT_CITY Chilonzor");
        // the short layout for a provider with several areas: the area must be said
        ImportReport shortLayout = run(H + "5000009,electricity,RES-WIDE,Short,Somewhere 9,,3,0,no,no,,2026-01-01,\n",
                true);
        assertThat(shortLayout.problems()).extracting(ImportProblem::code).containsExactly(RegistryFault.MISSING_VALUE);
        // the same file again changes nothing, and its export imports back unchanged
        assertThat(run(wideHeader + """
                5000001,electricity,RES-WIDE,In Chilonzor,Qatortol 1,,3,0,no,no,,2026-01-01,,tashkent_city,Chilonzor
                5000002,electricity,RES-WIDE,In Yunusobod,Amir Temur 2,,3,0,no,no,,2026-01-01,,TASHKENT_CITY,yunusobod
                5000003,electricity,RES-WIDE,In Zangiota,Zangiota 3,,3,0,no,no,,2026-01-01,,TASHKENT_REGION,Zangiota
                """, false).changedNothing()).isTrue();
        StringWriter out = new StringWriter();
        new RegistryExport(db.dataSource()).write(out, wide);
        ImportReport back = run(out.toString(), false);
        assertThat(back.problems()).isEmpty();
        assertThat(back.changedNothing()).as(back.summary()).isTrue();
    }

    static long count(String table) throws Exception {
        return Long.parseLong(query("select count(*) from " + table).get(0));
    }

    static List<String> query(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}

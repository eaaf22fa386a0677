package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.NewProvider;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.billing.registry.RegistryLayout;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.testing.TestDatabase;

/** The registry commands as an operator types them: import (dry run, real, again), meters, export. */
class RegistryCommandsIT {

    static TestDatabase db;
    static Map<String, String> env;
    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        db = TestDatabase.create();
        env = Map.of("EKOMMUNAL_DB_URL", db.url(), "EKOMMUNAL_DATA_DIR", dir.resolve("data").toString());
        Application.migrate(Settings.load(env), new ArrayList<>());
        Accounts accounts = new Accounts(db.dataSource(), new MeterRegistry(db.dataSource()), Clock.systemUTC());
        accounts.createProvider(new NewProvider("RES-CLI", AccountKind.ELECTRICITY, null, Region.TASHKENT_CITY,
                "Chilonzor", new ProviderRequisites("Chilonzor RES", "A. Karimov", "+998 71 200 00 00", "Tashkent",
                        "201234567", "00014", "90310", "20210000900123456001")));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    record Run(int exit, String out, String err) {
    }

    static Run ekommunal(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var console = new RegistryCommands.Console(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
        CommandLine cli = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == RegistryCommands.Import.class) {
                    return (K) new RegistryCommands.Import(console);
                }
                if (cls == RegistryCommands.Export.class) {
                    return (K) new RegistryCommands.Export(console);
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        int exit = cli.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void importsMetersThenAccountsDryRunFirstAndExportsTheSameLayout() throws Exception {
        Path meters = dir.resolve("meters.csv");
        Files.writeString(meters, "CLI-E-1,electricity,mqtt,5000001\n");
        Run m = ekommunal("import", "meters", meters.toString());
        assertThat(m.exit()).as(m.err()).isZero();
        assertThat(new MeterRegistry(db.dataSource()).find("CLI-E-1")).isPresent();

        Path file = dir.resolve("accounts.csv");
        Files.writeString(file, RegistryLayout.HEADER + "\n"
                + "5000001,electricity,RES-CLI,Aziza Karimova,Navoiy 5,,3,0,no,no,,2026-01-01,CLI-E-1\n"
                + "5000002,electricity,RES-CLI,Bobur Aliyev,Navoiy 7,,-2,0,no,no,,2026-01-01,\n");

        Run dry = ekommunal("import", "accounts", file.toString(), "--dry-run");
        assertThat(dry.exit()).isEqualTo(1);
        assertThat(dry.out()).contains("line 3, residents: BAD_NUMBER: residents must be 0..")
                .contains("dry run (nothing written): 2 rows: 1 accepted, 1 refused; 1 accounts opened");
        assertThat(dry.err()).contains("100% 2 rows checked").contains("import done in");
        assertThat(count("billing.accounts")).isZero();
        assertThat(count("api.audit_log where target = 'registry:accounts'")).as("a dry run leaves no trace").isZero();

        Run real = ekommunal("import", "accounts", file.toString());
        assertThat(real.exit()).isEqualTo(1);
        assertThat(real.out()).contains("2 rows: 1 accepted, 1 refused; 1 accounts opened")
                .contains("1 meter registers linked");
        assertThat(count("billing.accounts")).isEqualTo(1);
        assertThat(sql("select actor_role || ' ' || action || ' ' || target || ' ' || (after->>'accountsOpened')"
                + " from api.audit_log where action = 'registry.import' and target = 'registry:accounts'"))
                .isEqualTo("SYSTEM registry.import registry:accounts 1");

        Files.writeString(file, RegistryLayout.HEADER + "\n"
                + "5000001,electricity,RES-CLI,Aziza Karimova,Navoiy 5,,3,0,no,no,,2026-01-01,CLI-E-1\n");
        Run again = ekommunal("import", "accounts", file.toString());
        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(again.out()).contains("0 accounts opened, 0 holder/address changes, 0 facts recorded, "
                + "0 services added, 0 meter registers linked");

        Path exported = dir.resolve("export.csv");
        Run export = ekommunal("export", "accounts", "--provider", "RES-CLI", "--output", exported.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.readAllLines(exported)).containsExactly(RegistryLayout.HEADER_WITH_AREA,
                "5000001,electricity,RES-CLI,Aziza Karimova,Navoiy 5,electricity,3,0.00,no,no,,2026-01-01,"
                        + "CLI-E-1@1-0:1.8.0,TASHKENT_CITY,Chilonzor");
        assertThat(ekommunal("export", "accounts", "--provider", "NOPE").exit()).isEqualTo(2);
    }

    static long count(String table) throws Exception {
        return Long.parseLong(sql("select count(*) from " + table));
    }

    static String sql(String query) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}

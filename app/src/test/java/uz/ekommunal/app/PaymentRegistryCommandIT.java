package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
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
import uz.ekommunal.billing.payregistry.RegistryColumns;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.testing.TestDatabase;

/** {@code ekommunal import payments} as an operator types it: dry run, real, again, a file that does not add up. */
class PaymentRegistryCommandIT {

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
        long provider = accounts.createProvider(new NewProvider("RES-PAY", AccountKind.ELECTRICITY, null,
                Region.TASHKENT_CITY, "Chilonzor", new ProviderRequisites("Pay RES", "A. Karimov", "+998 71 200 00 00",
                        "Tashkent", "201234567", "00014", "90310", "20210000900123456001"))).id();
        accounts.openAccount(provider, "5100001", "Holder", "Navoiy 1", LocalDate.of(2024, 1, 1), Set.of());
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
                return CommandLine.defaultFactory().create(cls);
            }
        });
        int exit = cli.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void importsABanksPaymentRegistryOnceAndRefusesAFileThatDoesNotAddUp() throws Exception {
        String rows = RegistryColumns.HEADER + "\n"
                + "AGROBANK,01,2026-12-04 09:00,5100001,RES-PAY,1500.00,CLI-1\n"
                + "AGROBANK,01,2026-12-04 09:01,5199999,RES-PAY,500.00,CLI-2\n"
                + "AGROBANK,01,2026-12-04 09:02,5100001,RES-PAY,0,CLI-3\n";
        Path file = dir.resolve("agrobank.csv");
        Files.writeString(file, rows + "TOTAL,3,2000.00\n");

        Run dry = ekommunal("import", "payments", file.toString(), "--dry-run", "--lang", "uz");
        assertThat(dry.exit()).as(dry.err()).isEqualTo(1);
        assertThat(dry.out()).contains("line 4, amount: BAD_AMOUNT: «0» summa emas")
                .contains("dry run (nothing written): 3 rows summing 2000.00 (control total matches): 1 credited");
        assertThat(count("billing.payments where payment_system = 'bank'")).isZero();

        Run real = ekommunal("import", "payments", file.toString());
        assertThat(real.exit()).as(real.err()).isEqualTo(1);
        assertThat(real.out()).contains("1 credited (1500.00), 1 set aside (500.00)");
        Run again = ekommunal("import", "payments", file.toString(), "--channel", "post");
        assertThat(again.out()).contains("0 credited (0.00), 0 set aside (0.00), 2 already taken");
        assertThat(count("billing.payments where payment_system = 'bank'")).isEqualTo(1);
        assertThat(count("api.audit_log where action = 'registry.payments'")).isEqualTo(2);

        Files.writeString(file, rows + "TOTAL,3,2500.00\n");
        Run refused = ekommunal("import", "payments", file.toString());
        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.out()).contains("CONTROL_TOTAL_MISMATCH").contains("file refused");
        assertThat(count("api.audit_log where action = 'registry.payments'")).as("a refused file is audited").isEqualTo(3);
        assertThat(ekommunal("import", "payments", file.toString(), "--channel", "cash").exit()).isEqualTo(2);
    }

    static long count(String from) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

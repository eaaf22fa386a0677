package uz.ekommunal.app;

import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.registry.ImportProblem;
import uz.ekommunal.billing.registry.ImportReport;
import uz.ekommunal.billing.registry.RegistryExport;
import uz.ekommunal.billing.registry.RegistryImport;
import uz.ekommunal.gateway.auth.MeterCredentials;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.modbus.ModbusEndpoints;
import uz.ekommunal.storage.DataSourceFactory;

/**
 * {@code ekommunal import accounts FILE.csv [--dry-run]}, {@code import meters FILE.csv} and
 * {@code ekommunal export accounts [--provider CODE] [--output FILE]}: the customer registry from and
 * to files, against the configured database (migrated first), without starting a server.
 */
final class RegistryCommands {

    private RegistryCommands() {
    }

    /** What the commands run against: environment, console streams, clock. */
    record Console(Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        static Console system() {
            return new Console(System.getenv(), System.out, System.err, Clock.systemUTC());
        }
    }

    /** A database opened (and migrated) for one command. */
    private static final class Database implements AutoCloseable {
        final Config config;
        final HikariDataSource dataSource;
        private final List<AutoCloseable> opened = new ArrayList<>();

        Database(Console console) throws Exception {
            config = Settings.load(console.env());
            HikariDataSource ds = null;
            try {
                ds = DataSourceFactory.open(Application.migrate(config, opened), "registry");
            } finally {
                dataSource = ds;
                if (ds == null) {
                    close();
                }
            }
        }

        @Override
        public void close() throws Exception {
            if (dataSource != null) {
                dataSource.close();
            }
            for (AutoCloseable c : opened) {
                c.close();
            }
        }
    }

    @Command(name = "import", description = "Import the customer registry from CSV files (see the README).",
            mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {

        private final Console console;

        Import() {
            this(Console.system());
        }

        Import(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            console.err().println("Say what to import: import accounts FILE.csv [--dry-run] | import meters FILE.csv"
                    + " | import payments FILE.csv [--channel bank|post] [--dry-run]");
            return 2;
        }

        @Command(name = "accounts", description = "Open and update personal accounts, their facts, services and "
                + "meters from a registry CSV. Exit 0: every row taken; 1: some rows refused (the others taken).")
        int accounts(@Parameters(paramLabel = "FILE", description = "the registry CSV (UTF-8)") Path file,
                @Option(names = "--dry-run", description = "check everything and report; write nothing") boolean dryRun)
                throws Exception {
            if (!Files.isRegularFile(file)) {
                console.err().println("No such file: " + file);
                return 2;
            }
            long lines = countLines(file);
            try (Database db = new Database(console); Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                MeterRegistry meters = new MeterRegistry(db.dataSource);
                Accounts accounts = new Accounts(db.dataSource, meters, console.clock());
                AuditLog audit = new AuditLog(db.dataSource, console.clock());
                ConsoleProgress progress = new ConsoleProgress(console.err(), lines);
                ImportReport report = new RegistryImport(db.dataSource, accounts, meters, console.clock()).run(reader,
                        dryRun, progress, (c, r) -> audit.record(c, null,
                                "registry.import", "registry:accounts", null, auditEntry(file, r), null));
                console.err().printf(Locale.ROOT, "import done in %.1f s%n", progress.elapsed());
                for (ImportProblem p : report.problems()) {
                    console.out().println("line " + p.line() + (p.field() == null ? "" : ", " + p.field()) + ": "
                            + p.code() + ": " + p.reason());
                }
                console.out().println(report.summary());
                return report.problems().isEmpty() ? 0 : 1;
            }
        }

        @Command(name = "meters", description = "Register meters from a meter seed CSV (the EKOMMUNAL_METER_SEED "
                + "layouts); a meter already registered is updated.")
        int meters(@Parameters(paramLabel = "FILE", description = "the meter CSV") Path file) throws Exception {
            if (!Files.isRegularFile(file)) {
                console.err().println("No such file: " + file);
                return 2;
            }
            try (Database db = new Database(console)) {
                int registered = MeterSeeding.apply(file.toString(), new MeterRegistry(db.dataSource),
                        new MeterCredentials(db.dataSource), new ModbusEndpoints(db.dataSource), Duration.ofSeconds(db.config.get(Settings.MODBUS_INTERVAL)));
                new AuditLog(db.dataSource, console.clock()).record(null, "registry.import", "registry:meters", null,
                        new JsonObject().put("file", file.getFileName().toString()).put("meters", registered), null);
                console.out().println(registered + " meters registered or updated");
                return 0;
            }
        }

        @Command(name = "payments", description = "Credit a bank's or post office's payment registry "
                + "(docs/payment-registries.md). Exit 0: every row taken; 1: some rows refused or set aside; "
                + "3: the file refused whole (control total), nothing credited.")
        int payments(@Parameters(paramLabel = "FILE", description = "the registry CSV (UTF-8)") Path file,
                @Option(names = "--channel", defaultValue = "bank", description = "bank (default) or post")
                String channel,
                @Option(names = "--lang", defaultValue = "en", description = "language of the row reasons: uz, ru, en")
                String lang,
                @Option(names = "--dry-run", description = "check everything and report; write nothing") boolean dryRun)
                throws Exception {
            if (!Files.isRegularFile(file)) {
                console.err().println("No such file: " + file);
                return 2;
            }
            try (Database db = new Database(console)) {
                return PaymentRegistryCommand.run(db.dataSource, console, file, channel, lang, dryRun);
            }
        }

        private static JsonObject auditEntry(Path file, ImportReport r) {
            return new JsonObject().put("file", file.getFileName().toString()).put("rows", r.rows())
                    .put("accepted", r.accepted()).put("refused", r.rows() - r.accepted())
                    .put("accountsOpened", r.accountsOpened()).put("holderChanges", r.holderChanges())
                    .put("factsRecorded", r.factsRecorded()).put("servicesAdded", r.servicesAdded())
                    .put("metersLinked", r.metersLinked());
        }

        private static long countLines(Path file) throws java.io.IOException {
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                return lines.count();
            }
        }
    }

    @Command(name = "export", description = "Write the customer registry as CSV (the import's layout).",
            mixinStandardHelpOptions = true)
    static final class Export implements Callable<Integer> {

        private final Console console;

        Export() {
            this(Console.system());
        }

        Export(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            console.err().println("Say what to export: export accounts [--provider CODE] [--output FILE]");
            return 2;
        }

        @Command(name = "accounts", description = "Every open account (or one provider's) with its latest facts.")
        int accounts(@Option(names = "--provider", paramLabel = "CODE", description = "only this provider") String code,
                @Option(names = "--output", paramLabel = "FILE", description = "write here (default: standard output)")
                Path output) throws Exception {
            try (Database db = new Database(console)) {
                Long providerId = null;
                if (code != null) {
                    Provider provider = new Accounts(db.dataSource, new MeterRegistry(db.dataSource), console.clock())
                            .providerByCode(code).orElse(null);
                    if (provider == null) {
                        console.err().println("No provider with code " + code);
                        return 2;
                    }
                    providerId = provider.id();
                }
                long written;
                try (Writer out = output == null
                        ? new BufferedWriter(new OutputStreamWriter(console.out(), StandardCharsets.UTF_8))
                        : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    written = new RegistryExport(db.dataSource).write(out, providerId);
                }
                console.err().println(written + " accounts exported");
                return 0;
            }
        }
    }

    /** A progress line on the console: redrawn in place on a terminal, every 100 000 rows in a log. */
    private static final class ConsoleProgress implements RegistryImport.Progress {
        private final PrintStream err;
        private final long lines;
        private final boolean terminal = System.console() != null;
        private final long started = System.nanoTime();

        ConsoleProgress(PrintStream err, long lines) {
            this.err = err;
            this.lines = Math.max(lines - 1, 1);
        }

        @Override
        public void rows(long read) {
            if (!terminal && read % 100_000 != 0 && read < lines) {
                return;
            }
            int percent = (int) Math.min(100, read * 100 / lines);
            String bar = "#".repeat(percent / 5) + ".".repeat(20 - percent / 5);
            err.print((terminal ? "\r" : "") + String.format(Locale.ROOT, "[%s] %3d%% %,d rows checked (%.1f s)", bar,
                    percent, read, elapsed()) + (terminal ? "" : "\n"));
            err.flush();
        }

        @Override
        public void phase(String name) {
            err.print((terminal ? "\n" : "") + String.format(Locale.ROOT, "writing: %s (%.1f s)%n", name, elapsed()));
            err.flush();
        }

        /** Seconds since the import began (after the database was opened and migrated). */
        double elapsed() {
            return (System.nanoTime() - started) / 1e9;
        }
    }
}

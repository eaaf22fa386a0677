package uz.ekommunal.app;

import io.vertx.core.json.JsonObject;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.sql.DataSource;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.payregistry.Channel;
import uz.ekommunal.billing.payregistry.PaymentRegistryImport;
import uz.ekommunal.billing.payregistry.RegistryReport;
import uz.ekommunal.billing.payregistry.RegistryTexts;
import uz.ekommunal.billing.payregistry.RowProblem;
import uz.ekommunal.gateway.meter.MeterRegistry;

/** {@code ekommunal import payments FILE.csv}: a payment registry credited from the console, audited as the system's. */
final class PaymentRegistryCommand {

    private PaymentRegistryCommand() {
    }

    static int run(DataSource dataSource, RegistryCommands.Console console, Path file, String channelName, String lang,
            boolean dryRun) throws Exception {
        Channel channel;
        try {
            channel = Channel.of(channelName);
        } catch (IllegalArgumentException e) {
            console.err().println("--channel must be bank or post, not " + channelName);
            return 2;
        }
        Locale locale = RegistryTexts.locale(lang);
        Accounts accounts = new Accounts(dataSource, new MeterRegistry(dataSource), console.clock());
        AuditLog audit = new AuditLog(dataSource, console.clock());
        long started = System.nanoTime();
        RegistryReport report;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            report = new PaymentRegistryImport(dataSource, accounts, console.clock()).run(reader,
                    new PaymentRegistryImport.Request(channel, file.getFileName().toString(), "cli", null, dryRun),
                    new Progress(console, started), (c, r) -> audit.record(c, null, "registry.payments",
                            "registry:payments", null, auditEntry(file, r), null));
        }
        console.err().printf(Locale.ROOT, "import done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        for (RowProblem p : report.problems()) {
            console.out().println("line " + p.line() + (p.field() == null ? "" : ", " + p.field()) + ": " + p.fault()
                    + ": " + RegistryTexts.describe(p, locale));
        }
        console.out().println(report.summary());
        if (report.refused()) {
            return 3;
        }
        return report.problems().isEmpty() && report.setAside() == 0 ? 0 : 1;
    }

    /** The audit entry of an import: the file and its summary (not the rows: they are in billing.registry_payments). */
    static JsonObject auditEntry(Path file, RegistryReport r) {
        return new JsonObject().put("file", file.getFileName().toString()).put("registryId", r.registryId())
                .put("refused", r.refusal() == null ? null : r.refusal().name()).put("rows", r.rows())
                .put("sum", r.sum().toPlainString()).put("controlRows", r.controlRows())
                .put("controlSum", r.controlSum() == null ? null : r.controlSum().toPlainString())
                .put("credited", r.credited()).put("creditedTiyin", r.creditedTiyin()).put("setAside", r.setAside())
                .put("setAsideTiyin", r.setAsideTiyin()).put("repeated", r.repeated())
                .put("refusedRows", r.refusedRows());
    }

    /** Progress on standard error, every 100 000 rows and at each phase. */
    private record Progress(RegistryCommands.Console console, long started) implements PaymentRegistryImport.Progress {
        @Override
        public void rows(long read) {
            if (read % 100_000 == 0) {
                console.err().printf(Locale.ROOT, "%,d rows checked (%.1f s)%n", read, elapsed());
            }
        }

        @Override
        public void phase(String name) {
            console.err().printf(Locale.ROOT, "writing: %s (%.1f s)%n", name, elapsed());
        }

        private double elapsed() {
            return (System.nanoTime() - started) / 1e9;
        }
    }
}

package uz.ekommunal.billing.payregistry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import uz.ekommunal.billing.account.Accounts;

/**
 * Imports a bank's or post office's payment registry (docs/payment-registries.md) in one
 * transaction. The file stands or falls as a whole on its control total (rows and sum): a file that
 * does not add up is refused and nothing of it is written. In a file that stands, every good row is
 * credited to its account, or set aside for an operator when the account is unknown or closed; a
 * bad row is reported with its line and left out. Idempotent by (bank, transaction id): a row taken
 * from an earlier file credits nothing again, however many imports of it run at once. A dry run
 * does the same work and rolls it back, so its counts are exact.
 */
public final class PaymentRegistryImport {

    /** What a console shows while a long file goes in. */
    public interface Progress {
        void rows(long read);

        void phase(String name);

        Progress NONE = new Progress() {
            @Override
            public void rows(long read) {
            }

            @Override
            public void phase(String name) {
            }
        };
    }

    /**
     * Runs in the import's transaction just before it commits (an audit entry commits with it); for a
     * refused file, in a transaction of its own after the file's work was rolled back.
     */
    @FunctionalInterface
    public interface Audit {
        void record(Connection c, RegistryReport report) throws SQLException;
    }

    /**
     * @param fileName the file's name as the bank sent it (kept with the registry)
     * @param importedBy who imported it (user id and role, or "cli"), kept with the registry
     * @param providerScope the only provider whose rows are taken (an operator's import), or null
     */
    public record Request(Channel channel, String fileName, String importedBy, Long providerScope, boolean dryRun) {
    }

    private static final Duration LATEST_AHEAD = Duration.ofDays(1);

    private final DataSource dataSource;
    private final Accounts accounts;
    private final Clock clock;

    public PaymentRegistryImport(DataSource dataSource, Accounts accounts, Clock clock) {
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.clock = clock;
    }

    public RegistryReport run(Reader source, Request request, Progress progress, Audit audit)
            throws IOException, SQLException {
        Instant now = clock.instant();
        RowParser parser = new RowParser(accounts.providersByCode(), request.providerScope(), now.plus(LATEST_AHEAD));
        FileReading file = new FileReading();
        try (Connection c = dataSource.getConnection()) {
            PaymentStaging.roomForTemporaryTables(c);
            // by hand: temp_buffers before it, staging cancelled on failure, a refusal rolled back then recorded
            c.setAutoCommit(false);
            PaymentStaging staging = null;
            try {
                staging = new PaymentStaging(c);
                file.read(new BufferedReader(source, 1 << 16), parser, staging::add, progress::rows);
                if (file.refusal != null) {
                    staging.cancel();
                    c.rollback();
                    return refused(c, file, request, audit);
                }
                staging.finish();
                List<RowProblem> problems = new ArrayList<>(file.problems);
                progress.phase("accounts and earlier files");
                staging.classify();
                problems.addAll(staging.conflicts());
                problems.sort(Comparator.comparingLong(RowProblem::line));
                long[] n = staging.counts();
                long registryId = insertRegistry(c, request, file, n, problems, now);
                staging.write(registryId, request.channel(), now, progress);
                RegistryReport report = new RegistryReport(request.dryRun(), request.dryRun() ? null : registryId, null,
                        file.controlRows, file.controlSum, file.rows, file.sum, n[0], n[1], n[2], n[3], n[4], n[5],
                        problems);
                audit.record(c, report);
                if (request.dryRun()) {
                    c.rollback();
                } else {
                    c.commit();
                }
                return report;
            } catch (IOException | SQLException | RuntimeException e) {
                if (staging != null) {
                    staging.cancel();
                }
                c.rollback();
                throw e;
            }
        }
    }

    private static RegistryReport refused(Connection c, FileReading file, Request request, Audit audit)
            throws SQLException {
        List<RowProblem> problems = new ArrayList<>(file.problems);
        problems.add(file.refusal);
        problems.sort(Comparator.comparingLong(RowProblem::line));
        RegistryReport report = new RegistryReport(request.dryRun(), null, file.refusal.fault(), file.controlRows,
                file.controlSum, file.rows, file.sum, 0, 0, 0, 0, 0, 0, problems);
        if (!request.dryRun()) {
            audit.record(c, report);
            c.commit();
        }
        return report;
    }

    private static long insertRegistry(Connection c, Request request, FileReading file, long[] n,
            List<RowProblem> problems, Instant now) throws SQLException {
        long refused = problems.stream().mapToLong(RowProblem::line).distinct().count();
        try (PreparedStatement st = c.prepareStatement("""
                insert into billing.payment_registries (channel, file_name, file_sha256, imported_at, imported_by,
                    control_rows, control_tiyin, rows, credited, credited_tiyin, set_aside, set_aside_tiyin, repeated,
                    refused) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
            st.setString(1, request.channel().paymentSystem());
            st.setString(2, request.fileName());
            st.setString(3, file.sha256());
            st.setTimestamp(4, Timestamp.from(now));
            st.setString(5, request.importedBy());
            st.setLong(6, file.controlRows);
            st.setLong(7, file.controlSum.movePointRight(2).longValueExact());
            st.setLong(8, file.rows);
            for (int i = 0; i < 5; i++) {
                st.setLong(9 + i, n[i]); // credited, its tiyin, set aside, its tiyin, repeated
            }
            st.setLong(14, refused);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

package uz.ekommunal.billing.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.ProviderAreas;
import uz.ekommunal.billing.account.ServedArea;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.reading.Register;

/**
 * Imports a registry CSV ({@link RegistryLayout}) in one transaction: every row is checked, bad rows
 * are reported with their line and reason and left out, the good ones are written set-based
 * ({@link RegistryStaging}). A dry run does the same work and rolls it back, so its counts are exact.
 * Meters must be registered first (the meter seed file); the file names them by serial, all resolved
 * in one set-based step after the COPY.
 */
public final class RegistryImport {

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

    /** Runs in the import's transaction just before it commits (an audit entry commits with it). */
    @FunctionalInterface
    public interface BeforeCommit {
        void accept(Connection c, ImportReport report) throws SQLException;
    }

    private static final int CHUNK = 5_000;

    private final DataSource dataSource;
    private final Accounts accounts;
    private final MeterRegistry meters;
    private final Clock clock;

    public RegistryImport(DataSource dataSource, Accounts accounts, MeterRegistry meters, Clock clock) {
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.meters = meters;
        this.clock = clock;
    }

    public ImportReport run(Reader source, boolean dryRun, Progress progress, BeforeCommit beforeCommit)
            throws IOException, SQLException {
        Map<Long, List<ServedArea>> areas;
        try (Connection c = dataSource.getConnection()) {
            areas = new ProviderAreas().all(c);
        }
        RowParser parser = new RowParser(accounts.providersByCode(), areas, LocalDate.now(clock).plusYears(1));
        List<ImportProblem> problems = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            roomForTemporaryTables(c);
            // by hand: temp_buffers before it, the file read (IOException) and staging cancelled on failure
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                // the file's joins and groupings are hashed in memory, not spilled in batches to disk
                st.execute("set local work_mem = '256MB'");
            }
            RegistryStaging staging = null;
            try {
                staging = new RegistryStaging(c);
                AccountsNamed named = new AccountsNamed();
                long rows = stage(new BufferedReader(source, 1 << 16), parser, staging, named, problems, progress);
                staging.finish();
                progress.phase("meters by serial");
                problems.addAll(staging.refuseUnknownMeters(meters));
                progress.phase("accounts named twice");
                problems.addAll(staging.refuseDuplicates(named));
                problems.sort(Comparator.comparingLong(ImportProblem::line));
                progress.phase("accounts by number");
                staging.keyAccounts();
                ImportReport report = apply(new RegistryWrites(c), dryRun, rows, problems, progress);
                beforeCommit.accept(c, report);
                if (dryRun) {
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

    private ImportReport apply(RegistryWrites writes, boolean dryRun, long rows, List<ImportProblem> problems,
            Progress progress) throws SQLException {
        progress.phase("opening accounts");
        long opened = writes.openAccounts();
        progress.phase("holders and addresses");
        long holders = writes.recordHolders();
        progress.phase("household facts");
        long facts = writes.recordFacts();
        progress.phase("services");
        long services = writes.addServices();
        progress.phase("meters");
        long linked = writes.linkMeters(clock.instant());
        progress.phase("committing");
        return new ImportReport(dryRun, rows, problems, opened, holders, facts, services, linked);
    }

    /**
     * The file's staging tables are temporary: kept in the session's own buffers, 8 MB by default, so
     * a million rows would go through the kernel on every pass. More is allowed only before the
     * session's first temporary table; a pooled session that had one keeps what it has.
     */
    private static void roomForTemporaryTables(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("set temp_buffers = '256MB'");
        } catch (SQLException alreadyUsed) {
            // too late for this session: the import runs all the same, a little slower
        }
    }

    /** Reads, checks and COPYs every row; returns the number of data rows. */
    private long stage(BufferedReader reader, RowParser parser, RegistryStaging staging, AccountsNamed named,
            List<ImportProblem> problems,
            Progress progress) throws IOException, SQLException {
        long lineNo = 0;
        long rows = 0;
        boolean header = false;
        List<StagedRow> chunk = new ArrayList<>(CHUNK);
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                header = true;
                String columns = line.replace(" ", "");
                if (columns.equalsIgnoreCase(RegistryLayout.HEADER_WITH_AREA)) {
                    parser.withArea();
                } else if (!columns.equalsIgnoreCase(RegistryLayout.HEADER)) {
                    problems.add(new ImportProblem(lineNo, null, RegistryFault.BAD_HEADER,
                            "the first line must be the header " + RegistryLayout.HEADER + " (or with ,region,district)"));
                    return 0;
                }
                continue;
            }
            rows++;
            StagedRow row = parser.parse(lineNo, line, problems);
            if (row != null) {
                named.add(row);
                chunk.add(row);
            }
            if (chunk.size() == CHUNK) {
                sendChunk(chunk, staging);
            }
            if (rows % 10_000 == 0) {
                progress.rows(rows);
            }
        }
        sendChunk(chunk, staging);
        if (rows % 10_000 != 0) {
            progress.rows(rows);
        }
        return rows;
    }

    /** COPYs the chunk's checked rows; their meter serials are resolved after the COPY, all at once. */
    private void sendChunk(List<StagedRow> chunk, RegistryStaging staging) throws SQLException {
        StringBuilder out = new StringBuilder(chunk.size() * 160);
        for (StagedRow row : chunk) {
            staging.add(row, out);
        }
        staging.send(out);
        chunk.clear();
    }

    /** The register a meter of this utility bills by, when the file names only its serial. */
    static String mainRegister(String meterUtility) {
        return switch (meterUtility) {
            case "gas" -> Register.GAS_VOLUME.obis();
            case "cold_water" -> Register.COLD_WATER_VOLUME.obis();
            case "hot_water" -> Register.HOT_WATER_VOLUME.obis();
            case "heat" -> Register.HEAT_ENERGY.obis();
            default -> Register.ELECTRICITY_IMPORT.obis();
        };
    }
}

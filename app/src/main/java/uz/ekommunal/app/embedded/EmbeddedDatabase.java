package uz.ekommunal.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.storage.DatabaseSettings;

/**
 * The embedded default: a real PostgreSQL (binaries from Maven Central) whose data folder is kept
 * between runs, so readings survive a restart.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String DATABASE = "ekommunal";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final DataFolderLock lock;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, DataFolderLock lock) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.lock = lock;
    }

    /**
     * Starts the server on {@code dataDir} (created on first use). A PostgreSQL left running there by
     * an application that was killed is stopped first; another live application on the same folder
     * stops this start with a message.
     */
    public static EmbeddedDatabase start(Path dataDir, int port) throws IOException, SQLException {
        Path absolute = dataDir.toAbsolutePath();
        DataFolderLock lock = DataFolderLock.acquire(absolute.getParent());
        try {
            OrphanedPostgres.stopIfRunning(absolute);
            PortCheck.requireFree("127.0.0.1", port, "the embedded PostgreSQL", "EKOMMUNAL_EMBEDDED_DB_PORT");
            Files.createDirectories(absolute);
            LOG.info("Starting the embedded PostgreSQL (data in {}) on port {}", absolute, port);
            EmbeddedPostgres postgres = durable(EmbeddedPostgres.builder())
                    // A bill run's COPYs fill the default 4 MB of WAL buffers hundreds of thousands of
                    // times, and each time the writer writes WAL out itself: with 64 MB a million
                    // accounts' run took 3-13 % less here (docs/benchmarks.md, session 15).
                    .setServerConfig("wal_buffers", "64MB")
                    .setDataDirectory(absolute)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // The application stops it last, after intake and leases; the library's own
                    // shutdown hook would stop it at the same time as everything else.
                    .setRegisterShutdownHook(false)
                    .start();
            createDatabase(postgres);
            return new EmbeddedDatabase(postgres, absolute, lock);
        } catch (IOException | SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * The library starts PostgreSQL for throw-away test databases: {@code -F} (fsync off) and
     * {@code synchronous_commit=off}, so a crash of PostgreSQL loses commits it already reported.
     * Our data is kept, and a reading is acknowledged to a meter once committed: every commit must
     * be on disk. A later {@code -c fsync=on} overrides the {@code -F} on the command line. Start-up
     * stays fast: only commits pay the flush, and the writer groups readings into few commits.
     */
    static EmbeddedPostgres.Builder durable(EmbeddedPostgres.Builder builder) {
        return builder.setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
    }

    private static void createDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery(); Statement create = connection.createStatement()) {
                if (!rs.next()) {
                    create.execute("create database " + DATABASE);
                }
            }
        }
    }

    public DatabaseSettings settings(int poolSize) {
        return new DatabaseSettings(postgres.getJdbcUrl("postgres", DATABASE), "postgres", "", poolSize);
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.close();
        }
    }

    /** The server's data folder's postmaster PID, for tests that kill it. */
    public long postmasterPid() throws IOException {
        return OrphanedPostgres.runningPostmaster(dataDir.resolve("postmaster.pid"))
                .map(ProcessHandle::pid).orElse(-1L);
    }
}

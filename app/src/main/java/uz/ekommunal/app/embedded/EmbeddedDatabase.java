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

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public static EmbeddedDatabase start(Path dataDir, int port) throws IOException, SQLException {
        PortCheck.requireFree("127.0.0.1", port, "the embedded PostgreSQL", "EKOMMUNAL_EMBEDDED_DB_PORT");
        Files.createDirectories(dataDir);
        LOG.info("Starting the embedded PostgreSQL (data in {}) on port {}", dataDir.toAbsolutePath(), port);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery(); Statement create = connection.createStatement()) {
                if (!rs.next()) {
                    create.execute("create database " + DATABASE);
                }
            }
        }
        return new EmbeddedDatabase(postgres, dataDir);
    }

    public DatabaseSettings settings(int poolSize) {
        return new DatabaseSettings(postgres.getJdbcUrl("postgres", DATABASE), "postgres", "", poolSize);
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

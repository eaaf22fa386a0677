package uz.ekommunal.billing.tariffs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.TariffBook;
import uz.ekommunal.tariff.TariffException;
import uz.ekommunal.tariff.TariffVersion;
import uz.ekommunal.tariff.pricing.PricingEngine;

/**
 * The tariff book read from {@code tariff.tariff_versions}, cached: read on first use and again
 * on {@link #reload()}, or by {@link #refreshIfChanged(Connection)} when any node changed the table
 * (bill runs call it as each shard starts), so pricing never waits for the database. Alongside the
 * versions it keeps a {@link PricingEngine} built from the same snapshot. Thread-safe.
 */
public final class JdbcTariffBook implements TariffBook {

    private final DataSource dataSource;
    private volatile Snapshot snapshot;

    public JdbcTariffBook(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Every version, from the cache (read from the database on first use).
     *
     * @throws TariffStorageException if the first read fails
     */
    @Override
    public List<TariffVersion> versions() {
        return snapshot().versions();
    }

    /** An engine over the cached versions; a new one after each {@link #reload()}. */
    public PricingEngine engine() {
        return snapshot().engine();
    }

    /**
     * Reads the table again; call after operators add versions. On failure the old snapshot stays.
     *
     * @return the number of versions now in the book
     * @throws TariffStorageException if the database cannot be read
     * @throws TariffException if the stored book is inconsistent (it never is when written by
     *     {@link TariffBookStore})
     */
    public synchronized int reload() {
        Snapshot fresh = load();
        snapshot = fresh;
        return fresh.versions().size();
    }

    /**
     * Reads the book again if the table changed since the snapshot was taken, on any node: one
     * small query (the book is append-only and closing a version is its one update, so the count
     * of versions and of closed ones change with every change).
     *
     * @return true when a new snapshot was read
     */
    public synchronized boolean refreshIfChanged(Connection connection) throws SQLException {
        Snapshot current = snapshot;
        if (current != null && current.signature().equals(signature(connection))) {
            return false;
        }
        snapshot = load(connection);
        return true;
    }

    private static String signature(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select count(*) || '/' || count(valid_to) from " + TariffRows.TABLE);
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = load();
                }
                current = snapshot;
            }
        }
        return current;
    }

    private Snapshot load() {
        try (Connection connection = dataSource.getConnection()) {
            return load(connection);
        } catch (SQLException e) {
            throw new TariffStorageException("cannot read the tariff book: " + e.getMessage(), e);
        }
    }

    /** The signature first: a change between the two reads is seen again by the next check. */
    private static Snapshot load(Connection connection) throws SQLException {
        String signature = signature(connection);
        List<TariffVersion> versions = List.copyOf(TariffRows.readAll(connection));
        return new Snapshot(versions, new PricingEngine(new InMemoryTariffBook(versions)), signature);
    }

    private record Snapshot(List<TariffVersion> versions, PricingEngine engine, String signature) {
    }
}

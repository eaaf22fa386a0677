package uz.ekommunal.billing.tariffs;

import java.sql.Connection;
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
 * only on {@link #reload()}, so pricing never waits for the database. Alongside the versions it
 * keeps a {@link PricingEngine} built from the same snapshot. Thread-safe.
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
        List<TariffVersion> versions;
        try (Connection connection = dataSource.getConnection()) {
            versions = List.copyOf(TariffRows.readAll(connection));
        } catch (SQLException e) {
            throw new TariffStorageException("cannot read the tariff book: " + e.getMessage(), e);
        }
        return new Snapshot(versions, new PricingEngine(new InMemoryTariffBook(versions)));
    }

    private record Snapshot(List<TariffVersion> versions, PricingEngine engine) {
    }
}

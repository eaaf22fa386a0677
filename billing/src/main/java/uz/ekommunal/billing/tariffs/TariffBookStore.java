package uz.ekommunal.billing.tariffs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import uz.ekommunal.storage.Transactions;
import uz.ekommunal.tariff.BookValidator;
import uz.ekommunal.tariff.ErrorCode;
import uz.ekommunal.tariff.TariffException;
import uz.ekommunal.tariff.TariffVersion;

/**
 * Operators' changes to the tariff book. Versions are only ever added (history is kept); each
 * change is checked against the whole book by {@link BookValidator} while the table is locked, so
 * two operators can never store competing versions. Readers see a change after
 * {@link JdbcTariffBook#reload()}.
 */
public final class TariffBookStore {

    private static final String LOCK = "lock table " + TariffRows.TABLE + " in share row exclusive mode";
    private static final String CLOSE = "update " + TariffRows.TABLE
            + " set valid_to = ?, closed_at = ? where id = ? and valid_to is null";

    private final DataSource dataSource;
    private final Clock clock;

    public TariffBookStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Adds a version to the book.
     *
     * @throws TariffException {@link ErrorCode#BOOK_CONFLICT} if its id is taken or it competes
     *     with a version in the book
     * @throws TariffStorageException if the database fails
     */
    public void add(TariffVersion version) {
        change(book -> {
            book.add(version);
            return List.of();
        }, version);
    }

    /**
     * A decree changes a price from a date: closes the open-ended version {@code previousId} on
     * {@code next.validFrom()} and adds {@code next}, in one transaction. The old version keeps its
     * prices for the days before.
     *
     * @throws TariffException {@link ErrorCode#BOOK_INVALID_TARIFF} if {@code previousId} is not an
     *     open-ended version starting before {@code next}; {@link ErrorCode#BOOK_CONFLICT} as for
     *     {@link #add}
     */
    public void supersede(String previousId, TariffVersion next) {
        change(book -> {
            int at = indexOf(book, previousId);
            TariffVersion previous = book.get(at);
            if (previous.validTo() != null || !next.validFrom().isAfter(previous.validFrom())) {
                throw TariffException.because(ErrorCode.BOOK_INVALID_TARIFF, previousId, "notSupersedable",
                        "only an open-ended version that starts before " + next.validFrom() + " can be superseded",
                        next.validFrom());
            }
            book.set(at, closed(previous, next.validFrom()));
            book.add(next);
            return List.of(previousId);
        }, next);
    }

    /** Every version, read now from the database (not cached). */
    public List<TariffVersion> versions() {
        try (Connection connection = dataSource.getConnection()) {
            return TariffRows.readAll(connection);
        } catch (SQLException e) {
            throw new TariffStorageException("cannot read the tariff book: " + e.getMessage(), e);
        }
    }

    /** A change to the book in memory; returns the ids of versions it closed on {@code added.validFrom()}. */
    private interface Change {
        List<String> apply(List<TariffVersion> book);
    }

    private void change(Change change, TariffVersion added) {
        Instant now = clock.instant();
        try {
            Transactions.inTransaction(dataSource, connection -> {
                try (Statement lock = connection.createStatement()) {
                    lock.execute(LOCK);
                }
                List<TariffVersion> book = new ArrayList<>(TariffRows.readAll(connection));
                List<String> closed = change.apply(book);
                BookValidator.validate(book);
                close(connection, closed, added.validFrom(), now);
                TariffRows.insert(connection, List.of(added), now);
                return null;
            });
        } catch (SQLException e) {
            throw new TariffStorageException("cannot change the tariff book: " + e.getMessage(), e);
        }
    }

    private static void close(Connection connection, List<String> ids, LocalDate on, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(CLOSE)) {
            for (String id : ids) {
                update.setObject(1, on);
                update.setTimestamp(2, Timestamp.from(now));
                update.setString(3, id);
                update.executeUpdate();
            }
        }
    }

    private static int indexOf(List<TariffVersion> book, String id) {
        for (int i = 0; i < book.size(); i++) {
            if (book.get(i).id().equals(id)) {
                return i;
            }
        }
        throw TariffException.because(ErrorCode.BOOK_INVALID_TARIFF, String.valueOf(id), "noSuchVersion",
                "no such version in the book");
    }

    private static TariffVersion closed(TariffVersion v, LocalDate validTo) {
        return new TariffVersion(v.id(), v.utility(), v.basis(), v.meter(), v.regions(), v.householdClass(),
                v.validFrom(), validTo, v.blocks(), v.season(), v.unmeteredCoefficient(), v.statePaysAboveNorm());
    }
}

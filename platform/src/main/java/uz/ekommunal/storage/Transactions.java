package uz.ekommunal.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Runs work in one transaction: committed when it returns, rolled back when it throws. When the
 * rollback itself fails (the connection is gone), the work's exception is thrown with the
 * rollback's added as suppressed.
 */
public final class Transactions {

    private Transactions() {
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        return inTransaction(dataSource, work, result -> true);
    }

    /**
     * Like {@link #inTransaction(DataSource, Work)}, but commits only when the result says so and
     * otherwise rolls back; the result is returned either way.
     *
     * @param commitWhen whether to commit the work's result (e.g. a reading stored, not refused)
     */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work, Predicate<? super T> commitWhen)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return inTransaction(c, work, commitWhen);
        }
    }

    /**
     * One transaction on a connection the caller holds; its auto-commit mode is set back as it
     * was afterwards. A transaction the caller had left open is committed or rolled back with it.
     */
    public static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        return inTransaction(c, work, result -> true);
    }

    /** Work that only reads, in one transaction (one snapshot, row locks held) that is always rolled back. */
    public static <T> T readOnly(DataSource dataSource, Work<T> work) throws SQLException {
        return inTransaction(dataSource, work, result -> false);
    }

    private static <T> T inTransaction(Connection c, Work<T> work, Predicate<? super T> commitWhen)
            throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        T result;
        try {
            result = work.run(c);
            if (commitWhen.test(result)) {
                c.commit();
            } else {
                c.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            undo(c, autoCommit, e);
            throw e;
        }
        c.setAutoCommit(autoCommit);
        return result;
    }

    private static void undo(Connection c, boolean autoCommit, Exception cause) {
        try {
            c.rollback();
            c.setAutoCommit(autoCommit);
        } catch (SQLException | RuntimeException again) {
            cause.addSuppressed(again);
        }
    }
}

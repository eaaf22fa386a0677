package uz.ekommunal.billing.desk;

import java.sql.Connection;
import java.sql.SQLException;

/** One database transaction around some work: committed when it returns, rolled back when it throws. */
final class Tx {

    interface Work<T> {
        T run() throws SQLException;
    }

    private Tx() {
    }

    static <T> T run(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}

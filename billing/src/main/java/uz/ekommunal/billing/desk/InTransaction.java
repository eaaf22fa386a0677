package uz.ekommunal.billing.desk;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work the caller adds to a change, on its connection before it commits (an audit entry), so both
 * commit or roll back together.
 */
@FunctionalInterface
public interface InTransaction<T> {

    InTransaction<Object> NOTHING = (c, v) -> { };

    void accept(Connection c, T value) throws SQLException;

    @SuppressWarnings("unchecked")
    static <T> InTransaction<T> nothing() {
        return (InTransaction<T>) NOTHING;
    }
}

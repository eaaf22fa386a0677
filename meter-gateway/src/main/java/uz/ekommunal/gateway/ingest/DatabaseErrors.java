package uz.ekommunal.gateway.ingest;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Which database errors mean "the database is away" (spool and retry) and which mean "this data
 * cannot be stored" (quarantine the pack that caused it, write the rest). Only the first kind may
 * stop the writer from writing: a pack must never make the gateway spool for ever.
 */
final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /**
     * Connection-class SQLSTATEs: 08 (connection exception), 57P (operator intervention: shutdown,
     * crash, cannot connect now), 53 (insufficient resources: disk full, out of memory, too many
     * connections), and the driver's and pool's connection and timeout exceptions. Also 40
     * (transaction rollback: deadlock, serialization failure), which says nothing against the data:
     * the batch is kept and written again, never quarantined.
     */
    static boolean databaseAway(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                || state.startsWith("40"));
    }

    /** For logs, health and quarantine details: the first SQLSTATE in the cause chain, and the message. */
    static String describe(Exception e) {
        String state = null;
        for (Throwable t = e; t != null && state == null; t = t.getCause()) {
            state = t instanceof SQLException sql ? sql.getSQLState() : null;
        }
        return (state == null ? e.getClass().getSimpleName() : "SQLSTATE " + state) + ": " + e.getMessage();
    }
}

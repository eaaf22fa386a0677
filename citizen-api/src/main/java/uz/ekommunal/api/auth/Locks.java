package uz.ekommunal.api.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/** Transaction-scoped advisory locks on names, so checks and counts of a limit run one at a time. */
public final class Locks {

    private Locks() {
    }

    /** Takes the locks in one order (sorted by name), so two transactions never wait on each other in a ring. */
    public static void take(Connection c, String... names) throws SQLException {
        String[] sorted = names.clone();
        Arrays.sort(sorted);
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            for (String name : sorted) {
                lock.setString(1, name);
                lock.execute();
            }
        }
    }
}

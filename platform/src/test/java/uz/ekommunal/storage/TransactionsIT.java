package uz.ekommunal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.ekommunal.testing.TestDatabase;

/** Each variant of {@link Transactions} commits, rolls back and leaves the connection as it should. */
class TransactionsIT {

    private static TestDatabase db;

    @BeforeAll
    static void createTable() throws SQLException {
        db = TestDatabase.create();
        execute("create table notes (text text not null)");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        execute("truncate notes");
    }

    @Test
    void commitsWhatReturnsAndRollsBackWhatThrows() throws SQLException {
        int inserted = Transactions.inTransaction(db.dataSource(), c -> insert(c, "kept"));
        assertThat(inserted).isEqualTo(1);
        assertThatThrownBy(() -> Transactions.inTransaction(db.dataSource(), c -> {
            insert(c, "lost");
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(notes()).isEqualTo("kept");
    }

    @Test
    void commitsOnlyTheResultsItIsToldTo() throws SQLException {
        String first = Transactions.inTransaction(db.dataSource(), c -> insert(c, "stored") > 0 ? "STORED" : "",
                "STORED"::equals);
        String second = Transactions.inTransaction(db.dataSource(), c -> insert(c, "refused") > 0 ? "REFUSED" : "",
                "STORED"::equals);
        assertThat(first).isEqualTo("STORED");
        assertThat(second).as("returned although rolled back").isEqualTo("REFUSED");
        assertThat(notes()).isEqualTo("stored");
    }

    @Test
    void readOnlyWorkSeesItsOwnWritesAndLeavesNothing() throws SQLException {
        String seen = Transactions.readOnly(db.dataSource(), c -> {
            insert(c, "scratch");
            return notes(c);
        });
        assertThat(seen).isEqualTo("scratch");
        assertThat(notes()).isEmpty();
    }

    @Test
    void onTheCallersConnectionItSetsAutoCommitBackEitherWay() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            Transactions.inTransaction(c, x -> insert(x, "one"));
            assertThat(c.getAutoCommit()).isTrue();
            assertThatThrownBy(() -> Transactions.inTransaction(c, x -> {
                insert(x, "two");
                throw new SQLException("broken");
            })).hasMessage("broken");
            assertThat(c.getAutoCommit()).isTrue();
            c.setAutoCommit(false);
            Transactions.inTransaction(c, x -> insert(x, "three"));
            assertThat(c.getAutoCommit()).isFalse();
            c.setAutoCommit(true);
        }
        assertThat(notes()).isEqualTo("one,three");
    }

    @Test
    void aFailedRollbackDoesNotHideTheWorksException() {
        assertThatThrownBy(() -> Transactions.inTransaction(db.dataSource(), c -> {
            insert(c, "lost");
            c.close(); // the connection is gone: the rollback fails too
            throw new SQLException("the work's own failure");
        })).hasMessage("the work's own failure").satisfies(e -> assertThat(e.getSuppressed()).isNotEmpty());
    }

    private static int insert(Connection c, String text) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate("insert into notes values ('" + text + "')");
        }
    }

    private static String notes() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return notes(c);
        }
    }

    private static String notes(Connection c) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select text from notes order by text")) {
            while (rs.next()) {
                all.append(all.length() == 0 ? "" : ",").append(rs.getString(1));
            }
        }
        return all.toString();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}

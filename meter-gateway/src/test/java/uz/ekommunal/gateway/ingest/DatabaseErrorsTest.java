package uz.ekommunal.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only a database that is away (or a rollback to retry) stops writing; a refusal of data never does. */
class DatabaseErrorsTest {

    @ParameterizedTest(name = "{0} -> away: {1}")
    @CsvSource({
        "08001, true", "08006, true", "57P01, true", "57P03, true", "53100, true", "53300, true", "40001, true",
        "40P01, true", "22021, false", "22003, false", "23505, false", "23503, false", "42P01, false", "XX000, false",
    })
    void classifiesBySqlState(String state, boolean away) {
        assertThat(DatabaseErrors.databaseAway(new SQLException("x", state))).isEqualTo(away);
    }

    @Test
    void thePoolsTimeoutCountsAsAwayAndTheCauseNamesTheState() {
        SQLException refused = new SQLException("Connection refused", "08001");
        SQLTransientConnectionException timeout = new SQLTransientConnectionException("pool timed out", null, refused);
        assertThat(DatabaseErrors.databaseAway(timeout)).isTrue();
        assertThat(DatabaseErrors.describe(timeout)).startsWith("SQLSTATE 08001");
        assertThat(DatabaseErrors.databaseAway(new SQLException("no state"))).isFalse();
    }
}

package uz.ekommunal.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.testing.TestDatabase;

/**
 * Rows written by binary COPY are stored exactly as the INSERT path stores them (values, times,
 * text), and a batch that repeats a stored row falls back to the INSERT path within the same
 * transaction: the new rows stored, the repeat skipped.
 */
class ReadingCopyIT {

    private static final Instant T0 = Instant.parse("2025-11-01T00:00:00.123456Z");
    private static final String[] VALUES = {"0", "0.000001", "0.05", "1", "12", "1.2E+3", "9999.9999", "10000",
        "10000.0001", "-5.5", "-0.000001", "123456789012.345678", "99999999999999.999999", "0.0000004",
        "0.0000005", "4711.1234567", "100000000", "0.00", "7E-3", "31415.926535"};
    private static TestDatabase db;
    private static ReadingStore store;
    private static long copied;
    private static long inserted;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        GatewaySchema.migrate(db.dataSource());
        store = new ReadingStore(db.dataSource());
        MeterRegistry registry = new MeterRegistry(db.dataSource());
        copied = registry.register(new NewMeter("COPY1", "electricity", "mqtt", null, 8, BigDecimal.ONE, null, null)).id();
        inserted = registry.register(new NewMeter("INS1", "electricity", "mqtt", null, 8, BigDecimal.ONE, null, null))
                .id();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static List<ReadingRow> rows(long meterId, int count, int offset) {
        List<ReadingRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant time = T0.plus(Duration.ofMinutes(15L * (i + offset))).plusNanos(i * 1_001L);
            rows.add(new ReadingRow(meterId, i % 2 == 0 ? "1-0:1.8.0" : "1-0:2.8.0", time,
                    new BigDecimal(VALUES[i % VALUES.length]), i % 7, time.plusSeconds(30), i % 3 == 0 ? "mqtt" : "coap"));
        }
        return rows;
    }

    private static int write(List<ReadingRow> rows) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            int n = store.insert(c, rows);
            c.commit();
            return n;
        }
    }

    private static List<String> stored(long meterId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select register, ts, value, quality, received_at, source from gateway.readings
                     where meter_id = ? order by ts, register""")) {
            s.setLong(1, meterId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "|" + rs.getTimestamp(2).toInstant() + "|" + rs.getString(3) + "|"
                            + rs.getInt(4) + "|" + rs.getTimestamp(5).toInstant() + "|" + rs.getString(6));
                }
            }
        }
        return out;
    }

    @Test
    void copiedRowsAreStoredAsInsertedOnesAre() throws Exception {
        int n = ReadingStore.COPY_FROM * 2;
        assertThat(write(rows(copied, n, 0))).isEqualTo(n);
        for (ReadingRow row : rows(inserted, n, 0)) {
            assertThat(write(List.of(row))).as("one row goes by INSERT").isEqualTo(1);
        }
        List<String> byCopy = stored(copied);
        assertThat(byCopy).hasSize(n).isEqualTo(stored(inserted));
        assertThat(byCopy.get(0)).isEqualTo("1-0:1.8.0|2025-11-01T00:00:00.123456Z|0.000000|0|2025-11-01T00:00:30.123456Z|mqtt");
        assertThat(byCopy.get(11)).contains("|123456789012.345678|");
    }

    @Test
    void aBatchRepeatingAStoredRowStoresTheRestAndSkipsTheRepeat() throws Exception {
        long meter = new MeterRegistry(db.dataSource())
                .register(new NewMeter("COPY2", "electricity", "mqtt", null, 8, BigDecimal.ONE, null, null)).id();
        List<ReadingRow> first = rows(meter, ReadingStore.COPY_FROM, 0);
        assertThat(write(first)).isEqualTo(first.size());
        List<ReadingRow> overlapping = rows(meter, ReadingStore.COPY_FROM * 2, 0).subList(ReadingStore.COPY_FROM - 1,
                ReadingStore.COPY_FROM * 2);
        assertThat(write(overlapping)).as("all but the repeated row").isEqualTo(ReadingStore.COPY_FROM);
        assertThat(stored(meter)).hasSize(ReadingStore.COPY_FROM * 2);
    }

    @Test
    void aValueTheColumnCannotHoldFailsTheCopyAsItFailsAnInsert() throws Exception {
        List<ReadingRow> rows = new ArrayList<>(rows(copied, ReadingStore.COPY_FROM, 1_000));
        ReadingRow last = rows.remove(rows.size() - 1);
        rows.add(new ReadingRow(last.meterId(), last.register(), last.time(), new BigDecimal("1E+15"), 0,
                last.receivedAt(), last.source()));
        assertThatThrownBy(() -> write(rows)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
        assertThatThrownBy(() -> write(List.of(rows.get(rows.size() - 1)))).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
    }
}

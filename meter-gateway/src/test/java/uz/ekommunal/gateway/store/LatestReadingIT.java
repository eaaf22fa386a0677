package uz.ekommunal.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.vee.QualityFlag;
import uz.ekommunal.gateway.vee.Vee;
import uz.ekommunal.testing.TestDatabase;

/**
 * The latest trusted reading of a register (the query's filter is written as a range, for the plan:
 * see {@link ReadingStore#latest}): newer untrusted readings (held, rejected, a spike) are passed
 * over, and a register with none is absent.
 */
class LatestReadingIT {

    @Test
    void newerUntrustedReadingsArePassedOver() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            GatewaySchema.migrate(db.dataSource());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("insert into gateway.meters (serial, utility, protocol) values ('L1', 'electricity', 'mqtt'), "
                        + "('L2', 'electricity', 'mqtt'), ('L3', 'electricity', 'mqtt')");
                // L1: a year of hourly trusted readings, then newer held, rejected and spike ones
                s.execute("""
                        insert into gateway.readings (meter_id, register, ts, value, quality, received_at, source)
                        select m.id, '1-0:1.8.0', t, extract(epoch from t - timestamptz '2025-01-01Z') / 3600.0, 0, t, 'mqtt'
                        from gateway.meters m, generate_series(timestamptz '2025-01-01Z', timestamptz '2025-12-31 23:00Z',
                                                               interval '1 hour') t
                        where m.serial in ('L1', 'L2')""");
                s.execute("insert into gateway.readings (meter_id, register, ts, value, quality, received_at, source) "
                        + "select id, '1-0:1.8.0', timestamptz '2026-01-01 00:00Z' + n * interval '1 hour', 99999, "
                        + "(array[" + QualityFlag.HELD.bit() + ", " + QualityFlag.REJECTED.bit() + ", "
                        + QualityFlag.SPIKE.bit() + "])[n], now(), 'mqtt' from gateway.meters, generate_series(1, 3) n "
                        + "where serial = 'L1'");
                s.execute("analyze gateway.readings");
            }
            long l1 = id(db, "L1");
            long l2 = id(db, "L2");
            long l3 = id(db, "L3");
            ReadingStore store = new ReadingStore(db.dataSource());
            try (Connection c = db.dataSource().getConnection()) {
                Map<RegisterKey, Vee.Previous> latest = store.latest(c, List.of(new RegisterKey(l1, "1-0:1.8.0"),
                        new RegisterKey(l2, "1-0:1.8.0"), new RegisterKey(l3, "1-0:1.8.0")));
                Instant last = Instant.parse("2025-12-31T23:00:00Z");
                assertThat(latest).containsOnlyKeys(new RegisterKey(l1, "1-0:1.8.0"), new RegisterKey(l2, "1-0:1.8.0"));
                assertThat(latest.get(new RegisterKey(l1, "1-0:1.8.0")).time()).isEqualTo(last);
                assertThat(latest.get(new RegisterKey(l1, "1-0:1.8.0")).value()).isEqualByComparingTo(new BigDecimal("8759"));
                assertThat(latest.get(new RegisterKey(l2, "1-0:1.8.0")).time()).isEqualTo(last);
            }
        }
    }

    private static long id(TestDatabase db, String serial) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("select id from gateway.meters where serial = '" + serial + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package uz.ekommunal.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.vee.QualityFlag;
import uz.ekommunal.gateway.vee.VeeLimits;
import uz.ekommunal.testing.TestDatabase;

/** The validation rules applied on the way into a real PostgreSQL: each rule, one meter each. */
class ValidationIT {

    /** Receive time: a day and two hours after the packs' base time (2025-11-24T10:00Z). */
    private static final Instant NOW = Instant.parse("2025-11-25T12:00:00Z");
    private static TestDatabase db;
    private static Ingestion ingestion;
    private static MeterRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        GatewaySchema.migrate(db.dataSource());
        registry = new MeterRegistry(db.dataSource());
        ingestion = Ingestion.start(db.dataSource(), registry, new ReadingStore(db.dataSource()),
                Clock.fixed(NOW, ZoneOffset.UTC), new IngestSettings(100, 10_000, null, VeeLimits.defaults(), 1_000));
    }

    @AfterAll
    static void stop() throws Exception {
        ingestion.close();
        db.close();
    }

    private static void meter(String serial, String utility, int digits) throws Exception {
        registry.register(new NewMeter(serial, utility, "mqtt", null, digits, BigDecimal.ONE, null, null));
    }

    /** Sends one pack of (seconds after 10:00, value) records and waits until it is durable. */
    private static IngestResult send(String serial, String obis, long[][] records) throws Exception {
        StringBuilder pack = new StringBuilder("[");
        for (int i = 0; i < records.length; i++) {
            pack.append(i == 0 ? "{\"bn\":\"" + serial + ":\",\"bt\":1763978400," : ",{")
                    .append("\"n\":\"").append(obis).append("\",\"t\":").append(records[i][0])
                    .append(",\"v\":").append(records[i][1]).append('}');
        }
        pack.append(']');
        return ingestion.ingest().accept(Protocol.MQTT, "test", serial, pack.toString().getBytes(StandardCharsets.UTF_8))
                .get();
    }

    private static List<String> rows(String serial) throws Exception {
        String sql = "select extract(epoch from ts)::bigint - 1763978400 || '=' || value::numeric(20,0) || '/' || quality"
                + " from gateway.readings r join gateway.meters m on m.id = r.meter_id where m.serial = '" + serial
                + "' order by ts";
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anExactDuplicateIsANoOp() throws Exception {
        meter("V1", "electricity", 6);
        send("V1", "1-0:1.8.0", new long[][] {{0, 100}});
        send("V1", "1-0:1.8.0", new long[][] {{0, 100}});
        send("V1", "1-0:1.8.0", new long[][] {{900, 101}, {900, 101}});

        assertThat(rows("V1")).containsExactly("0=100/0", "900=101/0");
        assertThat(count("select count(*) from gateway.reading_conflicts c join gateway.meters m on m.id = c.meter_id"
                + " where m.serial = 'V1'")).isZero();
    }

    @Test
    void aSecondValueForAStoredTimeIsAConflictAndTheFirstIsKept() throws Exception {
        meter("V2", "electricity", 6);
        send("V2", "1-0:1.8.0", new long[][] {{0, 200}});
        send("V2", "1-0:1.8.0", new long[][] {{0, 205}});
        send("V2", "1-0:1.8.0", new long[][] {{900, 210}, {900, 211}});

        assertThat(rows("V2")).containsExactly("0=200/0", "900=210/0");
        assertThat(count("select count(*) from gateway.reading_conflicts c join gateway.meters m on m.id = c.meter_id"
                + " where m.serial = 'V2'")).isEqualTo(2);
        assertThat(count("select count(*) from gateway.reading_conflicts c join gateway.meters m on m.id = c.meter_id"
                + " where m.serial = 'V2' and kept_value = 200 and rejected_value = 205")).isEqualTo(1);
    }

    @Test
    void outOfOrderReadingsAreStoredAndJudgedAgainstTheRightNeighbour() throws Exception {
        meter("V3", "gas", 8);
        send("V3", "7-0:3.0.0", new long[][] {{7200, 30}});
        send("V3", "7-0:3.0.0", new long[][] {{0, 10}, {3600, 20}});

        assertThat(rows("V3")).containsExactly("0=10/0", "3600=20/0", "7200=30/0");
    }

    @Test
    void aLatePackBetweenRecentReadingsIsJudgedAgainstBothNeighbours() throws Exception {
        // the registers' recent readings are remembered: the late packs find 900 and 2700 in memory
        for (String serial : new String[] {"V5", "V6"}) {
            meter(serial, "electricity", 6);
            send(serial, "1-0:1.8.0", new long[][] {{0, 100}, {900, 101}});
            send(serial, "1-0:1.8.0", new long[][] {{2700, 103}, {3600, 104}});
        }
        send("V5", "1-0:1.8.0", new long[][] {{1800, 102}});
        send("V6", "1-0:1.8.0", new long[][] {{1800, 5000}}); // the forged reading: far above the one after it

        assertThat(rows("V5")).containsExactly("0=100/0", "900=101/0", "1800=102/0", "2700=103/0", "3600=104/0");
        int forged = QualityFlag.SPIKE.bit() | QualityFlag.DECREASE.bit();
        assertThat(rows("V6")).containsExactly("0=100/0", "900=101/0", "1800=5000/" + forged, "2700=103/0",
                "3600=104/0");
    }

    @Test
    void aPackNamingMetersOfBothWritersIsWrittenByBothAndAnsweredOnce() throws Exception {
        String first = "W1";
        int writers = IngestSettings.INGEST_WRITERS.parsedDefault();
        String second = WriterShards.shardOf("W2", writers) != WriterShards.shardOf(first, writers) ? "W2" : "W3";
        assertThat(WriterShards.shardOf(second, writers)).isNotEqualTo(WriterShards.shardOf(first, 2));
        meter(first, "electricity", 6);
        meter(second, "electricity", 6);
        String pack = "[{\"bn\":\"" + first + ":\",\"bt\":1763978400,\"n\":\"1-0:1.8.0\",\"v\":10},"
                + "{\"bn\":\"" + second + ":\",\"n\":\"1-0:1.8.0\",\"v\":20},"
                + "{\"bn\":\"NOSUCH1:\",\"n\":\"1-0:1.8.0\",\"v\":30},"
                + "{\"bn\":\"" + first + ":\",\"n\":\"1-0:1.8.0\",\"t\":900,\"v\":11}]";

        IngestResult result = ingestion.ingest()
                .accept(Protocol.COAP, "coap:test", null, pack.getBytes(StandardCharsets.UTF_8)).get();

        assertThat(result.accepted()).isEqualTo(3);
        assertThat(result.unknownSerials()).containsExactly("NOSUCH1");
        assertThat(rows(first)).containsExactly("0=10/0", "900=11/0");
        assertThat(rows(second)).containsExactly("0=20/0");
    }

    @Test
    void rolloverDecreaseSpikeAndSkewAreFlaggedAndKept() throws Exception {
        meter("V4", "electricity", 5);
        send("V4", "1-0:1.8.0", new long[][] {{0, 99990}, {3600, 5}, {7200, 4}, {10800, 2000}, {14400, 6},
            {97200, 10}});

        int rollover = QualityFlag.ROLLOVER.bit();
        int decrease = QualityFlag.DECREASE.bit();
        int spike = QualityFlag.SPIKE.bit();
        int skew = QualityFlag.CLOCK_SKEW.bit();
        // The decrease and the spike are not trusted as the next reading's baseline: 6 follows 5.
        assertThat(rows("V4")).containsExactly("0=99990/0", "3600=5/" + rollover, "7200=4/" + decrease,
                "10800=2000/" + spike, "14400=6/0", "97200=10/" + skew);
        assertThat(ingestion.counters().flagged(QualityFlag.DECREASE)).isGreaterThanOrEqualTo(1);
    }
}

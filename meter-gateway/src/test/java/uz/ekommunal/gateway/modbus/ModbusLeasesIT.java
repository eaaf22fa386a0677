package uz.ekommunal.gateway.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.coap.IngestPipeline;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.testing.Eventually;
import uz.ekommunal.testing.TestDatabase;

/** Two gateway instances on one database share the Modbus meters through leases, and take over from each other. */
class ModbusLeasesIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final int METERS = 6;

    private static TestDatabase db;
    private static IngestPipeline pipeline;
    private static J2modSlave slave;
    private Set<String> serials;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        GatewaySchema.migrate(db.dataSource());
        pipeline = new IngestPipeline(db.dataSource(), Clock.systemUTC());
        slave = new J2modSlave();
        for (int unit = 1; unit <= METERS; unit++) {
            slave.sdm630(unit, 1000f + unit, 0f);
        }
        slave.start();
    }

    @AfterAll
    static void stop() throws Exception {
        slave.close();
        pipeline.close();
        db.close();
    }

    @BeforeEach
    void registerMeters() throws Exception {
        ModbusEndpoints endpoints = new ModbusEndpoints(db.dataSource());
        serials = new HashSet<>();
        for (int unit = 1; unit <= METERS; unit++) {
            String serial = "L" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
            pipeline.registry.register(new NewMeter(serial, "electricity", "modbus", "1", 8, BigDecimal.ONE, null, null));
            endpoints.add(new NewModbusEndpoint(serial, "127.0.0.1", slave.port(), unit, "sdm630", Duration.ofSeconds(1)));
            serials.add(serial);
        }
    }

    @AfterEach
    void forgetEndpoints() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from gateway.modbus_endpoints; delete from gateway.modbus_pollers");
        }
    }

    @Test
    void twoInstancesSplitTheMetersWithoutOverlapAndOneTakesAllWhenTheOtherStops() throws Exception {
        try (ModbusPoller first = poller("gw-1", db.dataSource()); ModbusPoller second = poller("gw-2", db.dataSource())) {
            first.start();
            second.start();

            Eventually.await(WAIT, () -> List.of(first.polledSerials(), second.polledSerials()),
                    sets -> sets.get(0).size() == METERS / 2 && sets.get(1).size() == METERS / 2);
            assertThat(first.polledSerials()).doesNotContainAnyElementsOf(second.polledSerials());
            Set<String> both = new HashSet<>(first.polledSerials());
            both.addAll(second.polledSerials());
            assertThat(both).isEqualTo(serials);
            assertThat(leaseOwners()).containsEntry("gw-1", first.polledSerials())
                    .containsEntry("gw-2", second.polledSerials());

            second.close(); // a clean stop hands the leases back at once
            Eventually.await(WAIT, first::polledSerials, polled -> polled.equals(serials));
            assertThat(leaseOwners()).containsOnlyKeys("gw-1");
        }
    }

    @Test
    void theMetersOfAnInstanceThatDiesAreTakenOverWhenItsLeasesExpire() throws Exception {
        HikariDataSource doomedPool = DataSourceFactory.open(db.settings(), "gw-doomed");
        try (ModbusPoller survivor = poller("gw-survivor", db.dataSource());
             ModbusPoller doomed = poller("gw-doomed", doomedPool)) {
            survivor.start();
            doomed.start();
            Eventually.await(WAIT, doomed::polledSerials, polled -> polled.size() == METERS / 2);
            Set<String> orphaned = Set.copyOf(doomed.polledSerials());
            Eventually.await(WAIT, survivor::polledSerials, polled -> polled.size() == METERS / 2);

            // Dies: its database connections go first, so it cannot hand its leases back.
            doomedPool.close();
            doomed.close();

            // Until its leases expire nobody else polls its meters; then the survivor takes them all.
            assertThat(leaseOwners().get("gw-doomed")).isEqualTo(orphaned);
            assertThat(survivor.polledSerials()).doesNotContainAnyElementsOf(orphaned);
            Eventually.await(WAIT, survivor::polledSerials, polled -> polled.equals(serials));
            assertThat(leaseOwners()).containsOnlyKeys("gw-survivor");

            String taken = orphaned.iterator().next();
            int before = pipeline.readings(taken).size();
            Eventually.await(WAIT, () -> pipeline.readings(taken).size(), n -> n > before);
        }
    }

    @Test
    void anInstanceRestartedUnderTheSameNamePollsItsMetersAgainWithoutWaitingForItsOldLeases() throws Exception {
        Duration longLease = Duration.ofSeconds(60);
        HikariDataSource firstRunPool = DataSourceFactory.open(db.settings(), "gw-restarted");
        try (ModbusPoller firstRun = poller("gw-restarted", firstRunPool, longLease)) {
            firstRun.start();
            Eventually.await(WAIT, firstRun::polledSerials, polled -> polled.equals(serials));
            firstRunPool.close(); // killed: the leases stay behind for a minute
        }
        try (ModbusPoller secondRun = poller("gw-restarted", db.dataSource(), longLease)) {
            secondRun.start();
            Eventually.await(Duration.ofSeconds(10), secondRun::polledSerials, polled -> polled.equals(serials));
        }
    }

    private static ModbusPoller poller(String owner, DataSource dataSource) {
        return poller(owner, dataSource, LEASE);
    }

    private static ModbusPoller poller(String owner, DataSource dataSource, Duration lease) {
        return new ModbusPoller(pipeline.ingest, dataSource, Clock.systemUTC(),
                new ModbusSettings(owner, 2, Duration.ofMillis(500), lease, 2, Duration.ofMillis(500)));
    }

    /** Who holds which meters, by the lease table. */
    private Map<String, Set<String>> leaseOwners() throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select e.lease_owner, m.serial from gateway.modbus_endpoints e
                     join gateway.meters m on m.id = e.meter_id where e.lease_owner is not null""");
             ResultSet rs = select.executeQuery()) {
            Map<String, Set<String>> owners = new HashMap<>();
            while (rs.next()) {
                owners.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            }
            return owners;
        }
    }
}

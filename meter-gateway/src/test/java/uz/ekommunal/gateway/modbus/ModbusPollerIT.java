package uz.ekommunal.gateway.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.coap.IngestPipeline;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.store.StoredReading;
import uz.ekommunal.testing.Eventually;
import uz.ekommunal.testing.TestDatabase;

/** The poller against real Modbus TCP slaves: j2mod's and pymodbus's, holding the simulators' register maps. */
class ModbusPollerIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String WATER_UINT32 = "register=8-0:1.0.0,function=3,offset=3,type=uint32,exponent-offset=2";
    private static final String WATER_INT64 = "register=8-0:1.0.0, function=3, offset=5, type=int64, exponent=-3";

    private static TestDatabase db;
    private static IngestPipeline pipeline;
    private static ModbusEndpoints endpoints;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        GatewaySchema.migrate(db.dataSource());
        pipeline = new IngestPipeline(db.dataSource(), Clock.systemUTC());
        endpoints = new ModbusEndpoints(db.dataSource());
    }

    @AfterAll
    static void stop() throws Exception {
        pipeline.close();
        db.close();
    }

    /** Each test polls only its own meters. */
    @AfterEach
    void forgetEndpoints() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from gateway.modbus_endpoints; delete from gateway.modbus_pollers");
        }
    }

    @Test
    void theImportEnergyOfAnSdm630AndTheCountersOfWaterMetersBehindOneSlaveAreStoredExactly() throws Exception {
        try (J2modSlave slave = new J2modSlave().sdm630(1, 12345.67f, 3.5f)
                .mbusBridge(2, -3, 12_345_678L).mbusBridge(3, -3, 4_000_000_123L).start()) {
            String electricity = register("electricity", slave.port(), 1, "sdm630");
            String water = register("cold_water", slave.port(), 2, WATER_UINT32);
            String bigWater = register("cold_water", slave.port(), 3, WATER_INT64);
            try (ModbusPoller poller = poller("gw-a")) {
                poller.start();

                List<StoredReading> energy = Eventually.await(WAIT, () -> pipeline.readings(electricity),
                        r -> r.size() >= 2);
                assertThat(energy).filteredOn(r -> r.register().equals("1-0:1.8.0")).first()
                        .satisfies(r -> {
                            assertThat(r.value()).isEqualByComparingTo("12345.67");
                            assertThat(r.unit()).isEqualTo("kWh");
                            assertThat(r.source()).isEqualTo("modbus");
                        });
                assertThat(energy).filteredOn(r -> r.register().equals("1-0:2.8.0")).first()
                        .satisfies(r -> assertThat(r.value()).isEqualByComparingTo("3.5"));
                assertThat(Eventually.await(WAIT, () -> pipeline.readings(water), r -> !r.isEmpty()).get(0).value())
                        .isEqualByComparingTo("12345.678");
                assertThat(Eventually.await(WAIT, () -> pipeline.readings(bigWater), r -> !r.isEmpty()).get(0).value())
                        .isEqualByComparingTo("4000000.123");
                assertThat(poller.openConnections()).isEqualTo(1); // three unit ids, one TCP connection
                assertThat(endpoints.list()).filteredOn(e -> e.serial().equals(electricity)).singleElement()
                        .satisfies(e -> {
                            assertThat(e.online()).isTrue();
                            assertThat(e.leaseOwner()).isEqualTo("gw-a");
                            assertThat(e.lastSuccess()).isNotNull();
                        });
            }
        }
    }

    @Test
    void aMeterThatStopsAnsweringIsShownOfflineAndOnlineAgainWhenItAnswers() throws Exception {
        J2modSlave slave = new J2modSlave().sdm630(1, 100.25f, 0f).start();
        String serial = register("electricity", slave.port(), 1, "sdm120");
        try (ModbusPoller poller = poller("gw-b")) {
            poller.start();
            Eventually.await(WAIT, () -> status(serial), ModbusEndpointStatus::online);

            slave.stop();
            ModbusEndpointStatus offline = Eventually.await(WAIT, () -> status(serial), s -> !s.online());
            assertThat(offline.lastError()).isNotBlank();
            assertThat(endpoints.offline()).extracting(ModbusEndpointStatus::serial).contains(serial);

            slave.setImportEnergy(1, 101.5f);
            slave.start();
            Eventually.await(WAIT, () -> status(serial), ModbusEndpointStatus::online);
            assertThat(endpoints.offline()).extracting(ModbusEndpointStatus::serial).doesNotContain(serial);
            Eventually.await(WAIT, () -> pipeline.readings(serial),
                    r -> r.stream().anyMatch(x -> x.value().compareTo(new BigDecimal("101.5")) == 0));
        } finally {
            slave.close();
        }
    }

    @Test
    void aPymodbusServerWithAnSdm630ImageIsPolled() throws Exception {
        try (PymodbusServer server = PymodbusServer.start(54321.5f)) {
            String serial = register("electricity", server.port(), 1, "sdm630");
            try (ModbusPoller poller = poller("gw-c")) {
                poller.start();
                List<StoredReading> readings = Eventually.await(WAIT, () -> pipeline.readings(serial),
                        r -> r.stream().anyMatch(x -> x.register().equals("1-0:1.8.0")));
                assertThat(readings).filteredOn(r -> r.register().equals("1-0:1.8.0")).first()
                        .satisfies(r -> assertThat(r.value()).isEqualByComparingTo("54321.5"));
            }
        }
    }

    @Test
    void anEndpointNeedsARegisteredMeterAndAValidMap() {
        assertThatThrownBy(() -> endpoints.add(new NewModbusEndpoint("NO-SUCH-METER", "127.0.0.1", 502, 1, "sdm630",
                Duration.ofSeconds(60)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NO-SUCH-METER");
        assertThatThrownBy(() -> new NewModbusEndpoint("M1", "127.0.0.1", 502, 1, "register=1-0:1.8.0,type=float64,offset=0",
                Duration.ofSeconds(60))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FLOAT64");
    }

    private static ModbusPoller poller(String owner) {
        return new ModbusPoller(pipeline.ingest, db.dataSource(), Clock.systemUTC(),
                new ModbusSettings(owner, 2, Duration.ofMillis(500), Duration.ofSeconds(3), 1, Duration.ofMillis(500)));
    }

    private static ModbusEndpointStatus status(String serial) throws Exception {
        return endpoints.list().stream().filter(e -> e.serial().equals(serial)).findFirst().orElseThrow();
    }

    /** Registers a meter and has it polled every second. */
    static String register(String utility, int port, int unitId, String map) throws Exception {
        String serial = "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        pipeline.registry.register(new NewMeter(serial, utility, "modbus", "1234567", 8, BigDecimal.ONE, null, null));
        endpoints.add(new NewModbusEndpoint(serial, "127.0.0.1", port, unitId, map, Duration.ofSeconds(1)));
        return serial;
    }
}

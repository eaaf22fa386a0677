package uz.ekommunal.app;

import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.api.ApiSchema;
import uz.ekommunal.api.appeals.AppealsSchema;
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.app.demo.DemoNeighbourhood;
import uz.ekommunal.app.embedded.EmbeddedDatabase;
import uz.ekommunal.app.embedded.PortCheck;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.BillingSchema;
import uz.ekommunal.billing.run.BillingSettings;
import uz.ekommunal.billing.tariffs.JdbcTariffBook;
import uz.ekommunal.billing.tariffs.TariffSchema;
import uz.ekommunal.gateway.Gateway;
import uz.ekommunal.gateway.GatewaySettings;
import uz.ekommunal.gateway.auth.HeadEnd;
import uz.ekommunal.gateway.auth.MeterCredentials;
import uz.ekommunal.gateway.coap.CoapSettings;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.store.ReadingRetention;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.DataFolder;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.storage.DatabaseSettings;

/**
 * The running system, composed by hand from the configuration: database (embedded or configured),
 * migrations, and the roles asked for (gateway, billing, the demo, the API in {@link ApiRole}).
 * Closing it stops intake, writes what is in flight, and closes the database last.
 */
public final class Application implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private Vertx vertx;
    private HikariDataSource dataSource;
    private Gateway gateway;
    /** The head-end user the demo neighbourhood signs in as, or null. */
    private HeadEnd demoHeadEnd;
    private Billing billing;
    private ApiRole api;

    private Application() {
    }

    /** Starts the roles; on failure, closes whatever had started and rethrows. */
    public static Application start(Config config, Set<Role> roles, Clock clock) throws Exception {
        Application app = new Application();
        try {
            app.startParts(config, roles, clock);
            return app;
        } catch (Exception e) {
            app.close();
            throw e;
        }
    }

    /** Opens the database (embedded if none is configured) and brings every module's schema up to date. */
    public static DatabaseSettings migrate(Config config, List<AutoCloseable> toClose) throws Exception {
        DatabaseSettings database = databaseSettings(config, toClose);
        try (HikariDataSource pool = DataSourceFactory.open(database, "migrate")) {
            GatewaySchema.migrate(pool);
            TariffSchema.migrate(pool);
            BillingSchema.migrate(pool);
            ApiSchema.migrate(pool);
            AppealsSchema.migrate(pool);
        }
        return database;
    }

    private void startParts(Config config, Set<Role> roles, Clock clock) throws Exception {
        checkPorts(config, roles);
        DatabaseSettings database = migrate(config, toClose);
        dataSource = DataSourceFactory.open(database, "main");
        toClose.add(0, dataSource);
        vertx = Vertx.vertx();
        toClose.add(0, () -> vertx.close().await(10, TimeUnit.SECONDS));

        MeterRegistry registry = roles.contains(Role.GATEWAY) ? startGateway(config, roles, clock)
                : new MeterRegistry(dataSource);
        JdbcTariffBook tariffs = new JdbcTariffBook(dataSource);
        billing = new Billing(dataSource, registry, tariffs, BillingSettings.from(config), clock);
        LateBillingNode billingNode = roles.contains(Role.BILLING) ? billingNode(config) : null;
        if (demoRuns(config, roles) && gateway != null) {
            toClose.add(0, DemoNeighbourhood.start(config.get(Settings.DEMO_CITY), gateway, demoHeadEnd, billing,
                    dataSource, config.get(DataFolder.DATA_DIR).resolve("demo"), modbusInterval(config), clock,
                    billingNode::start, () -> "http://localhost:" + httpPort() + "/", this::linkCodeOf));
        } else if (billingNode != null) {
            billingNode.start();
        }
        if (roles.contains(Role.API)) {
            api = new ApiRole(config, vertx, dataSource, gateway, billing, registry, tariffs, clock);
            api.start(toClose);
        }
    }

    /** Refuses to start when a port this process would listen on is taken, naming the key that moves it. */
    private static void checkPorts(Config config, Set<Role> roles) {
        if (roles.contains(Role.API)) {
            PortCheck.requireFree(config.get(Settings.HTTP_HOST), config.get(Settings.HTTP_PORT), "the HTTP API",
                    "EKOMMUNAL_HTTP_PORT");
            if (config.get(Settings.METRICS_PORT) > 0) {
                PortCheck.requireFree(config.get(Settings.METRICS_HOST), config.get(Settings.METRICS_PORT),
                        "the management port (/metrics)", "EKOMMUNAL_METRICS_PORT");
            }
        }
        if (roles.contains(Role.GATEWAY)) {
            PortCheck.requireFreeUdp(config.get(CoapSettings.COAP_HOST), config.get(CoapSettings.COAP_PORT), "CoAP",
                    "EKOMMUNAL_COAP_PORT");
            PortCheck.requireFreeUdp(config.get(CoapSettings.COAP_HOST), config.get(CoapSettings.COAPS_PORT),
                    "CoAP over DTLS",
                    "EKOMMUNAL_COAPS_PORT");
        }
        if (roles.contains(Role.GATEWAY) && config.get(GatewaySettings.MQTT_URL) == null) {
            PortCheck.requireFree(config.get(GatewaySettings.MQTT_HOST), config.get(GatewaySettings.MQTT_PORT),
                    "the embedded MQTT broker", "EKOMMUNAL_MQTT_PORT");
        }
    }

    /** Starts the gateway, its retention job and the configured meter seed; returns its meter registry. */
    private MeterRegistry startGateway(Config config, Set<Role> roles, Clock clock) throws Exception {
        GatewaySettings settings = GatewaySettings.from(config);
        if (settings.mqttDoor().headEnd() == null && demoRuns(config, roles)) {
            // the demo's simulated meters share two connections, as behind a data concentrator
            settings = settings.withMqttDoor(settings.mqttDoor().withHeadEnd(
                    new HeadEnd("demo-city", MeterCredentials.newSecret())));
        }
        demoHeadEnd = settings.mqttDoor().headEnd();
        gateway = Gateway.start(vertx, dataSource, settings, clock);
        toClose.add(0, gateway);
        toClose.add(0, new ReadingRetentionJob(vertx, new ReadingRetention(dataSource,
                config.get(Settings.READINGS_RAW_MONTHS)), clock));
        int seeded = MeterSeeding.apply(config.get(Settings.METER_SEED), gateway.meters(), gateway.credentials(),
                gateway.modbusEndpoints(), modbusInterval(config));
        LOG.info("Meter seed '{}': {} meters registered", config.get(Settings.METER_SEED), seeded);
        return gateway.meters();
    }

    private LateBillingNode billingNode(Config config) {
        LateBillingNode billingNode = new LateBillingNode(billing, BillingSettings.nodeId(config),
                BillingSettings.from(config).cron());
        toClose.add(0, billingNode);
        return billingNode;
    }

    private static Duration modbusInterval(Config config) {
        return Duration.ofSeconds(config.get(Settings.MODBUS_INTERVAL));
    }

    /**
     * The link code printed on the receipts of the (first) account with this number, for the demo's
     * hint in the log (the API starts after the demo) and the tests of the whole system.
     */
    String linkCodeOf(String accountNumber) {
        return api == null ? "(unknown)" : api.linkCodeOf(accountNumber);
    }

    private static DatabaseSettings databaseSettings(Config config, List<AutoCloseable> toClose) throws Exception {
        int poolSize = config.get(Settings.DB_POOL_SIZE);
        String url = config.get(Settings.DB_URL);
        if (url != null) {
            return new DatabaseSettings(url, config.get(Settings.DB_USER), config.get(Settings.DB_PASSWORD), poolSize);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(config.get(DataFolder.DATA_DIR).resolve("postgres"),
                config.get(Settings.EMBEDDED_DB_PORT));
        toClose.add(embedded);
        return embedded.settings(poolSize);
    }

    private static boolean demoRuns(Config config, Set<Role> roles) {
        return config.get(Settings.DEMO_CITY) > 0 && roles.containsAll(Role.all());
    }

    public int httpPort() {
        return api == null ? -1 : api.httpPort();
    }

    /** The management port serving {@code /metrics}, or -1 when off. */
    public int metricsPort() {
        return api == null ? -1 : api.metricsPort();
    }

    /** The gateway role, or null when this process does not run it. */
    public Gateway gateway() {
        return gateway;
    }

    /** Accounts, ledger, invoices and payments, for the HTTP features that serve them. */
    public Billing billing() {
        return billing;
    }

    /** The CoAP intake's port, or -1. */
    public int coapPort() {
        return gateway == null ? -1 : gateway.coapPort();
    }

    /** The embedded broker's port, or -1. */
    public int mqttPort() {
        return gateway == null ? -1 : gateway.mqttPort();
    }

    @Override
    public void close() {
        for (AutoCloseable part : toClose) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("While stopping: {}", e.toString());
            }
        }
        toClose.clear();
    }
}

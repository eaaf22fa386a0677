package uz.ekommunal.app;

import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.api.ApiSchema;
import uz.ekommunal.api.notify.Outbox;
import uz.ekommunal.api.appeals.Appeals;
import uz.ekommunal.api.appeals.AppealsSchema;
import uz.ekommunal.api.HouseholdApi;
import uz.ekommunal.api.HouseholdApiSettings;
import uz.ekommunal.api.operator.AccountDeskRoutes;
import uz.ekommunal.api.money.MoneyDesk;
import uz.ekommunal.api.operator.OperatorDesk;
import uz.ekommunal.api.operator.ProviderRoutes;
import uz.ekommunal.api.operator.PaymentRegistryRoutes;
import uz.ekommunal.api.operator.ReconciliationRoutes;
import uz.ekommunal.api.operator.RegistryRoutes;
import uz.ekommunal.api.health.HealthCheck;
import uz.ekommunal.api.health.HealthRoutes;
import uz.ekommunal.api.http.ApiServer;
import uz.ekommunal.api.http.MetricsRoutes;
import uz.ekommunal.api.notify.SmsBudget;
import uz.ekommunal.api.http.OpenApiRoutes;
import uz.ekommunal.api.payments.PaymentHooks;
import uz.ekommunal.api.tariffs.TariffPages;
import uz.ekommunal.api.web.WebPages;
import uz.ekommunal.api.tariffs.TariffRoutes;
import uz.ekommunal.app.config.Config;
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.app.embedded.EmbeddedDatabase;
import uz.ekommunal.app.embedded.PortCheck;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.BillingSchema;
import uz.ekommunal.billing.payregistry.PaymentRegistryImport;
import uz.ekommunal.billing.payregistry.SetAsidePayments;
import uz.ekommunal.billing.tariffs.JdbcTariffBook;
import uz.ekommunal.billing.tariffs.TariffSchema;
import uz.ekommunal.gateway.Gateway;
import uz.ekommunal.gateway.GatewaySettings;
import uz.ekommunal.gateway.auth.HeadEnd;
import uz.ekommunal.gateway.auth.MeterCredentials;
import uz.ekommunal.gateway.modbus.ModbusEndpoints;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.ingest.PrometheusText;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.ingest.HandReadings;
import uz.ekommunal.gateway.ingest.QuarantineActions;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.storage.DatabaseSettings;

/**
 * The running system, wired by hand from the configuration: database (embedded or configured),
 * migrations, and the roles asked for. Closing it stops intake, writes what is in flight, and
 * closes the database last.
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
    private int httpPort = -1;
    private int metricsPort = -1;
    private volatile uz.ekommunal.api.accounts.LinkCodes linkCodes;

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
        if (roles.contains(Role.API)) {
            PortCheck.requireFree(config.get(Settings.HTTP_HOST), config.get(Settings.HTTP_PORT), "the HTTP API",
                    "EKOMMUNAL_HTTP_PORT");
            if (config.get(Settings.METRICS_PORT) > 0) {
                PortCheck.requireFree(config.get(Settings.METRICS_HOST), config.get(Settings.METRICS_PORT),
                        "the management port (/metrics)", "EKOMMUNAL_METRICS_PORT");
            }
        }
        if (roles.contains(Role.GATEWAY)) {
            PortCheck.requireFreeUdp(config.get(Settings.COAP_HOST), config.get(Settings.COAP_PORT), "CoAP",
                    "EKOMMUNAL_COAP_PORT");
            PortCheck.requireFreeUdp(config.get(Settings.COAP_HOST), config.get(Settings.COAPS_PORT), "CoAP over DTLS",
                    "EKOMMUNAL_COAPS_PORT");
        }
        if (roles.contains(Role.GATEWAY) && config.get(Settings.MQTT_URL) == null) {
            PortCheck.requireFree(config.get(Settings.MQTT_HOST), config.get(Settings.MQTT_PORT),
                    "the embedded MQTT broker", "EKOMMUNAL_MQTT_PORT");
        }
        DatabaseSettings database = migrate(config, toClose);
        dataSource = DataSourceFactory.open(database, "main");
        toClose.add(0, dataSource);
        vertx = Vertx.vertx();
        toClose.add(0, () -> vertx.close().await(10, TimeUnit.SECONDS));

        MeterRegistry registry = new MeterRegistry(dataSource);
        if (roles.contains(Role.GATEWAY)) {
            GatewaySettings settings = ModuleSettings.gatewaySettings(config);
            if (settings.mqttDoor().headEnd() == null && demoRuns(config, roles)) {
                // the demo's simulated meters share two connections, as behind a data concentrator
                settings = settings.withMqttDoor(settings.mqttDoor().withHeadEnd(
                        new HeadEnd("demo-city", MeterCredentials.newSecret())));
            }
            demoHeadEnd = settings.mqttDoor().headEnd();
            gateway = Gateway.start(vertx, dataSource, settings, clock);
            toClose.add(0, gateway);
            toClose.add(0, new ReadingRetentionJob(vertx, new uz.ekommunal.gateway.store.ReadingRetention(dataSource,
                    config.get(Settings.READINGS_RAW_MONTHS)), clock));
            registry = gateway.meters();
            int seeded = MeterSeeding.apply(config.get(Settings.METER_SEED), registry, gateway.credentials(),
                    gateway.modbusEndpoints(), java.time.Duration.ofSeconds(config.get(Settings.MODBUS_INTERVAL)));
            LOG.info("Meter seed '{}': {} meters registered", config.get(Settings.METER_SEED), seeded);
        }
        JdbcTariffBook tariffs = new JdbcTariffBook(dataSource);
        billing = new Billing(dataSource, registry, tariffs, ModuleSettings.billingSettings(config), clock);
        LateBillingNode billingNode = null;
        if (roles.contains(Role.BILLING)) {
            String node = config.get(Settings.BILLING_NODE_ID) != null ? config.get(Settings.BILLING_NODE_ID)
                    : ModuleSettings.instanceName("billing");
            billingNode = new LateBillingNode(billing, node, config.get(Settings.BILLING_CRON));
            toClose.add(0, billingNode);
        }
        int households = config.get(Settings.DEMO_CITY);
        if (demoRuns(config, roles) && gateway != null) {
            toClose.add(0, DemoNeighbourhood.start(households, gateway, demoHeadEnd, billing, dataSource,
                    config.get(Settings.DATA_DIR).resolve("demo"),
                    java.time.Duration.ofSeconds(config.get(Settings.MODBUS_INTERVAL)), clock, billingNode::start,
                    () -> "http://localhost:" + httpPort() + "/", this::linkCodeOf));
        } else if (billingNode != null) {
            billingNode.start();
        }
        if (roles.contains(Role.API)) {
            startApi(config, registry, tariffs, clock);
        }
    }

    private void startApi(Config config, MeterRegistry registry, JdbcTariffBook tariffs, Clock clock)
            throws Exception {
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(databaseCheck());
        if (gateway != null) {
            checks.add(brokerCheck(config));
            checks.add(writerCheck(java.time.Duration.ofSeconds(config.get(Settings.WRITER_UNHEALTHY_AFTER))));
        }
        List<Consumer<Router>> features = new ArrayList<>();
        features.add(new HealthRoutes(vertx, checks)::mount);
        features.add(new TariffRoutes(vertx, tariffs::engine, clock)::mount);
        features.add(new TariffPages()::mount);
        features.add(new WebPages()::mount);
        features.add(new OpenApiRoutes()::mount);
        HouseholdApiSettings household = ModuleSettings.householdSettings(config);
        IngestSettings ingest = ModuleSettings.gatewaySettings(config).ingest();
        HandReadings handReadings = new HandReadings(dataSource, registry, ingest.limits(), ingest.holdAge(), clock);
        HouseholdApi households = new HouseholdApi(vertx, dataSource, billing, registry, handReadings, household,
                ModuleSettings.deliveryAdapters(config, household), ModuleSettings.payLinks(config), UnaryOperator.identity(), clock);
        households.start();
        toClose.add(0, households);
        features.addAll(households.routes());
        features.addAll(PaymentHooks.routes(vertx, dataSource, billing, clock, ModuleSettings.paymentConfig(config),
                households.payerScope()));
        linkCodes = households.linkCodes();
        // the desk changes the same cached tariff book the calculator and billing price with
        features.addAll(new OperatorDesk(vertx, households.authenticate(), dataSource, billing, registry,
                gateway != null ? gateway.modbusEndpoints() : new ModbusEndpoints(dataSource), tariffs,
                gateway != null ? gateway.credentials() : new MeterCredentials(dataSource),
                new QuarantineActions(dataSource, registry, ingest.limits(), ingest.holdAge(), clock), households.audit(),
                clock).routes());
        features.addAll(new MoneyDesk(vertx, households.authenticate(), billing, households.audit(), clock).routes());
        features.add(new RegistryRoutes(vertx, households.authenticate(), dataSource, billing.accounts(), registry,
                households.audit(), clock)::mount);
        features.add(new PaymentRegistryRoutes(vertx, households.authenticate(),
                new PaymentRegistryImport(dataSource, billing.accounts(), clock),
                new SetAsidePayments(dataSource, billing.payments(), clock), households.audit())::mount);
        features.add(new ReconciliationRoutes(vertx, households.authenticate(), billing.paymentReconciliation(),
                households.audit())::mount);
        features.add(new AccountDeskRoutes(vertx, households.authenticate(), dataSource, billing.accounts(),
                households.audit())::mount);
        features.add(new ProviderRoutes(vertx, households.authenticate(), dataSource, billing.accounts(),
                households.audit())::mount);
        features.addAll(new Appeals(vertx, dataSource, households.authenticate(), new Outbox(dataSource, clock),
                ModuleSettings.appealsSettings(config), households.audit(), households.smsBudget(), this::providerExists, clock).routes());
        ApiServer api = new ApiServer(vertx, features);
        httpPort = api.listen(config.get(Settings.HTTP_HOST), config.get(Settings.HTTP_PORT), ModuleSettings.httpLimits(config))
                .await(10, TimeUnit.SECONDS);
        toClose.add(0, () -> api.close().await(5, TimeUnit.SECONDS));
        LOG.info("HTTP API on http://localhost:{}/ (health: /health)", httpPort);
        startManagement(config, api, households.smsBudget());
    }

    /** {@code /metrics} on its own port, bound to this machine by default: not part of the public API. */
    private void startManagement(Config config, ApiServer api, SmsBudget sms) throws Exception {
        if (config.get(Settings.METRICS_PORT) < 0) {
            return;
        }
        ApiServer management = new ApiServer(vertx, List.of(new MetricsRoutes(() -> (gateway == null ? ""
                : PrometheusText.render(gateway.counters(), gateway.queuedReadings(), gateway.spoolBytes(),
                        offlineMeters()) + gateway.doorCounters().render()) + api.metrics() + sms.metrics())::mount));
        metricsPort = management.listen(config.get(Settings.METRICS_HOST), config.get(Settings.METRICS_PORT))
                .await(10, TimeUnit.SECONDS);
        toClose.add(0, () -> management.close().await(5, TimeUnit.SECONDS));
        LOG.info("Metrics on http://{}:{}/metrics", config.get(Settings.METRICS_HOST), metricsPort);
    }

    /** Whether billing knows the provider (an operator's grant names one). */
    private boolean providerExists(long providerId) throws java.sql.SQLException {
        try {
            billing.accounts().provider(providerId);
            return true;
        } catch (uz.ekommunal.billing.BillingException e) {
            if (e.code() == uz.ekommunal.billing.BillingErrorCode.PROVIDER_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The link code printed on the receipts of the (first) account with this number, for the demo's
     * hint in the log (the API starts after the demo) and the tests of the whole system.
     */
    String linkCodeOf(String accountNumber) {
        try {
            var found = billing.accounts().findByNumber(accountNumber);
            return linkCodes == null || found.isEmpty() ? "(unknown)" : linkCodes.codeOf(found.get(0).id());
        } catch (java.sql.SQLException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }

    /** Modbus meters not answering, or -1 when the database cannot say. */
    private int offlineMeters() {
        try {
            return gateway.modbusEndpoints().offline().size();
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    private HealthCheck databaseCheck() {
        return new HealthCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public String problem() {
                try (Connection connection = dataSource.getConnection()) {
                    return connection.isValid(2) ? null : "the database does not answer";
                } catch (Exception e) {
                    return "cannot reach the database: " + e.getMessage();
                }
            }
        };
    }

    /** Readings spooled or failing for longer than allowed: the database may answer, yet nothing is stored. */
    private HealthCheck writerCheck(java.time.Duration allowed) {
        return new HealthCheck() {
            @Override
            public String name() {
                return "writer";
            }

            @Override
            public String problem() {
                return gateway.writerProblem(allowed);
            }
        };
    }

    private HealthCheck brokerCheck(Config config) {
        String where = config.get(Settings.MQTT_URL) == null ? "the embedded MQTT broker" : config.get(Settings.MQTT_URL);
        return new HealthCheck() {
            @Override
            public String name() {
                return "broker";
            }

            @Override
            public String problem() {
                return gateway.brokerUp() ? null : "not connected to " + where;
            }
        };
    }

    private static DatabaseSettings databaseSettings(Config config, List<AutoCloseable> toClose) throws Exception {
        int poolSize = config.get(Settings.DB_POOL_SIZE);
        String url = config.get(Settings.DB_URL);
        if (url != null) {
            return new DatabaseSettings(url, config.get(Settings.DB_USER), config.get(Settings.DB_PASSWORD), poolSize);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(config.get(Settings.DATA_DIR).resolve("postgres"),
                config.get(Settings.EMBEDDED_DB_PORT));
        toClose.add(embedded);
        return embedded.settings(poolSize);
    }

    private static boolean demoRuns(Config config, Set<Role> roles) {
        return config.get(Settings.DEMO_CITY) > 0 && roles.containsAll(Role.all());
    }

    public int httpPort() {
        return httpPort;
    }

    /** The management port serving {@code /metrics}, or -1 when off. */
    public int metricsPort() {
        return metricsPort;
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

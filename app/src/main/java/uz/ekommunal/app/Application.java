package uz.ekommunal.app;

import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.api.ApiSchema;
import uz.ekommunal.api.notify.Channel;
import uz.ekommunal.api.notify.DeliveryAdapter;
import uz.ekommunal.api.notify.Outbox;
import uz.ekommunal.api.notify.SmtpDelivery;
import uz.ekommunal.api.notify.SmtpSettings;
import uz.ekommunal.api.appeals.Appeals;
import uz.ekommunal.api.appeals.AppealsSchema;
import uz.ekommunal.api.appeals.AppealsSettings;
import uz.ekommunal.api.HouseholdApi;
import uz.ekommunal.api.HouseholdApiSettings;
import uz.ekommunal.api.operator.AccountDeskRoutes;
import uz.ekommunal.api.operator.OperatorDesk;
import uz.ekommunal.api.operator.ProviderRoutes;
import uz.ekommunal.api.operator.RegistryRoutes;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.auth.TokenKeys;
import uz.ekommunal.api.auth.oneid.OneIdSettings;
import uz.ekommunal.api.health.HealthCheck;
import uz.ekommunal.api.health.HealthRoutes;
import uz.ekommunal.api.http.ApiServer;
import uz.ekommunal.api.http.HttpLimits;
import uz.ekommunal.api.http.MetricsRoutes;
import uz.ekommunal.api.notify.SmsBudget;
import uz.ekommunal.api.http.OpenApiRoutes;
import uz.ekommunal.api.payments.PaymentHooks;
import uz.ekommunal.api.notify.SmsGatewaySettings;
import uz.ekommunal.api.payments.CheckoutLinks;
import uz.ekommunal.api.tariffs.TariffPages;
import uz.ekommunal.api.web.WebPages;
import uz.ekommunal.api.tariffs.TariffRoutes;
import uz.ekommunal.api.widgets.CheckoutPayLinks;
import uz.ekommunal.api.widgets.PayLinkSource;
import uz.ekommunal.app.config.Config;
import uz.ekommunal.app.config.ConfigException;
import uz.ekommunal.app.config.Setting;
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.app.embedded.EmbeddedDatabase;
import uz.ekommunal.app.embedded.PortCheck;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.BillingSchema;
import uz.ekommunal.billing.run.BillingSettings;
import uz.ekommunal.billing.tariffs.JdbcTariffBook;
import uz.ekommunal.billing.tariffs.TariffSchema;
import uz.ekommunal.gateway.Gateway;
import uz.ekommunal.gateway.GatewaySettings;
import uz.ekommunal.gateway.MeterReadings;
import uz.ekommunal.gateway.auth.HeadEnd;
import uz.ekommunal.gateway.auth.MeterCredentials;
import uz.ekommunal.gateway.coap.CoapSettings;
import uz.ekommunal.gateway.mqtt.BrokerLogin;
import uz.ekommunal.gateway.mqtt.MqttDoorSettings;
import uz.ekommunal.gateway.modbus.ModbusEndpoints;
import uz.ekommunal.gateway.modbus.ModbusSettings;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.ingest.PrometheusText;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.ingest.HandReadings;
import uz.ekommunal.gateway.vee.VeeLimits;
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
            GatewaySettings settings = gatewaySettings(config);
            if (settings.mqttDoor().headEnd() == null && demoRuns(config, roles)) {
                // the demo's simulated meters share two connections, as behind a data concentrator
                settings = settings.withMqttDoor(settings.mqttDoor().withHeadEnd(
                        new HeadEnd("demo-city", MeterCredentials.newSecret())));
            }
            demoHeadEnd = settings.mqttDoor().headEnd();
            gateway = Gateway.start(vertx, dataSource, settings, clock);
            toClose.add(0, gateway);
            registry = gateway.meters();
            int seeded = MeterSeeding.apply(config.get(Settings.METER_SEED), registry, gateway.credentials(),
                    gateway.modbusEndpoints(), java.time.Duration.ofSeconds(config.get(Settings.MODBUS_INTERVAL)));
            LOG.info("Meter seed '{}': {} meters registered", config.get(Settings.METER_SEED), seeded);
        }
        JdbcTariffBook tariffs = new JdbcTariffBook(dataSource);
        billing = new Billing(dataSource, registry, tariffs, billingSettings(config), clock);
        LateBillingNode billingNode = null;
        if (roles.contains(Role.BILLING)) {
            String node = config.get(Settings.BILLING_NODE_ID) != null ? config.get(Settings.BILLING_NODE_ID)
                    : instanceName("billing");
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

    private static BillingSettings billingSettings(Config config) {
        BillingSettings d = BillingSettings.DEFAULTS;
        return new BillingSettings(config.get(Settings.BILLING_SHARD_SIZE), d.lease(), d.closeDelay(),
                config.get(Settings.BILLING_WORKERS), d.pollInterval(), config.get(Settings.BILLING_CRON));
    }

    /** Sign-in, SMS and the first administrator; the token key is made once for the embedded local run. */
    private static AppealsSettings appealsSettings(Config config) {
        String dir = config.get(Settings.APPEAL_FILES_DIR);
        java.util.Set<String> keys = new java.util.HashSet<>();
        String configured = config.get(Settings.OPEN311_API_KEYS);
        if (configured != null) {
            for (String k : configured.split(",")) {
                if (!k.isBlank()) {
                    keys.add(k.strip());
                }
            }
        }
        return new AppealsSettings(dir != null ? Path.of(dir) : config.get(Settings.DATA_DIR).resolve("appeal-files"),
                config.get(Settings.APPEAL_MAX_IMAGE_MB) * AppealsSettings.MB,
                config.get(Settings.APPEAL_MAX_VIDEO_MB) * AppealsSettings.MB, keys,
                config.get(Settings.APPEAL_FORWARD_LIMIT), config.get(Settings.OPEN311_ALLOW_ANONYMOUS));
    }

    /** E-mail through the configured SMTP server; without one, the log keeps printing it. */
    static Map<Channel, DeliveryAdapter> deliveryAdapters(Config config, HouseholdApiSettings household) {
        Map<Channel, DeliveryAdapter> adapters = HouseholdApi.adapters(household);
        String host = config.get(Settings.SMTP_HOST);
        if (host != null) {
            adapters.put(Channel.EMAIL, new SmtpDelivery(new SmtpSettings(host, config.get(Settings.SMTP_PORT),
                    config.get(Settings.SMTP_FROM), config.get(Settings.SMTP_USER), config.get(Settings.SMTP_PASSWORD),
                    config.get(Settings.SMTP_STARTTLS), java.time.Duration.ofSeconds(20))));
        }
        return adapters;
    }

    private static HouseholdApiSettings householdSettings(Config config) throws java.io.IOException {
        java.nio.file.Path keyFile = config.get(Settings.DB_URL) == null
                ? config.get(Settings.DATA_DIR).resolve("jwt-secret") : null;
        byte[] key = TokenKeys.resolve(config.get(Settings.JWT_SECRET), keyFile);
        String admin = config.get(Settings.ADMIN_PHONE);
        String smsUrl = config.get(Settings.SMS_URL);
        SmsGatewaySettings sms = smsUrl == null ? null : new SmsGatewaySettings(java.net.URI.create(smsUrl),
                config.get(Settings.SMS_USER), config.get(Settings.SMS_PASSWORD), java.time.Duration.ofSeconds(10));
        return HouseholdApiSettings.defaults(key, admin == null ? null : PhoneNumber.parse(admin).orElseThrow(), sms)
                .withOneId(oneIdSettings(config))
                .withSms(smsLimits(config));
    }

    /** The hourly SMS budget; a reserve not below the budget stops start-up naming both keys. */
    static SmsBudget.Limits smsLimits(Config config) {
        int perHour = config.get(Settings.SMS_PER_HOUR);
        int reserve = config.get(Settings.SMS_SIGN_IN_RESERVE);
        if (reserve >= perHour) {
            throw new ConfigException("EKOMMUNAL_SMS_SIGN_IN_RESERVE='" + reserve + "' must be less than "
                    + "EKOMMUNAL_SMS_PER_HOUR='" + perHour + "' (the rest is for appeal notices and confirmations)");
        }
        return new SmsBudget.Limits(perHour, reserve);
    }

    /** Sign-in by OneID, or null when no issuer is configured; an issuer without the rest stops start-up. */
    static OneIdSettings oneIdSettings(Config config) {
        String issuer = config.get(Settings.ONEID_ISSUER);
        if (issuer == null) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        for (Setting<String> needed : List.of(Settings.ONEID_CLIENT_ID, Settings.ONEID_CLIENT_SECRET,
                Settings.ONEID_REDIRECT_URI)) {
            if (config.get(needed) == null) {
                missing.add(needed.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigException("EKOMMUNAL_ONEID_ISSUER is set, so " + String.join(", ", missing)
                    + " must be set too");
        }
        return new OneIdSettings(issuer, config.get(Settings.ONEID_CLIENT_ID), config.get(Settings.ONEID_CLIENT_SECRET),
                java.net.URI.create(config.get(Settings.ONEID_REDIRECT_URI)));
    }

    /** The widgets' Pay links: the payment systems' checkout pages, for the account's debt. */
    private static PayLinkSource payLinks(Config config) {
        PaymentHooks.Config p = paymentConfig(config);
        return new CheckoutPayLinks(new CheckoutLinks(new CheckoutLinks.Settings(p.paymeMerchantId(),
                p.paymeCheckoutUrl(), p.paymeAccountField(), p.clickServiceId(), p.clickMerchantId(),
                "https://my.click.uz/services/pay", p.returnUrl())));
    }

    private static PaymentHooks.Config paymentConfig(Config config) {
        return new PaymentHooks.Config(config.get(Settings.PAYME_KEY), config.get(Settings.PAYME_TEST_KEY),
                config.get(Settings.PAYME_ACCOUNT_FIELD), config.get(Settings.PAYME_MERCHANT_ID),
                config.get(Settings.PAYME_CHECKOUT_URL), config.get(Settings.CLICK_SECRET_KEY),
                config.get(Settings.CLICK_SERVICE_ID), config.get(Settings.CLICK_MERCHANT_ID),
                config.get(Settings.PAYMENT_MAX_AMOUNT) * 100L, config.get(Settings.PAYMENT_RETURN_URL));
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
        HouseholdApiSettings household = householdSettings(config);
        IngestSettings ingest = gatewaySettings(config).ingest();
        HandReadings handReadings = new HandReadings(dataSource, registry, ingest.limits(), ingest.holdAge(), clock);
        HouseholdApi households = new HouseholdApi(vertx, dataSource, billing, registry, handReadings, household,
                deliveryAdapters(config, household), payLinks(config), UnaryOperator.identity(), clock);
        households.start();
        toClose.add(0, households);
        features.addAll(households.routes());
        features.addAll(PaymentHooks.routes(vertx, dataSource, billing, clock, paymentConfig(config),
                households.payerScope()));
        linkCodes = households.linkCodes();
        // the desk changes the same cached tariff book the calculator and billing price with
        features.addAll(new OperatorDesk(vertx, households.authenticate(), dataSource, billing, registry,
                gateway != null ? gateway.modbusEndpoints() : new ModbusEndpoints(dataSource), tariffs,
                gateway != null ? gateway.credentials() : new MeterCredentials(dataSource), households.audit(),
                clock).routes());
        features.add(new RegistryRoutes(vertx, households.authenticate(), dataSource, billing.accounts(), registry,
                households.audit(), clock)::mount);
        features.add(new AccountDeskRoutes(vertx, households.authenticate(), dataSource, billing.accounts(),
                households.audit())::mount);
        features.add(new ProviderRoutes(vertx, households.authenticate(), dataSource, billing.accounts(),
                households.audit())::mount);
        features.addAll(new Appeals(vertx, dataSource, households.authenticate(), new Outbox(dataSource, clock),
                appealsSettings(config), households.audit(), households.smsBudget(), this::providerExists, clock).routes());
        ApiServer api = new ApiServer(vertx, features);
        httpPort = api.listen(config.get(Settings.HTTP_HOST), config.get(Settings.HTTP_PORT), httpLimits(config))
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

    private static HttpLimits httpLimits(Config config) {
        return new HttpLimits(Duration.ofSeconds(config.get(Settings.HTTP_IDLE_TIMEOUT)),
                Duration.ofSeconds(config.get(Settings.HTTP_HEAD_TIMEOUT)),
                Duration.ofSeconds(config.get(Settings.HTTP_REQUEST_TIMEOUT)),
                config.get(Settings.HTTP_MAX_CONNECTIONS_PER_ADDRESS));
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

    private static GatewaySettings gatewaySettings(Config config) {
        GatewaySettings settings = new GatewaySettings(config.get(Settings.MQTT_URL), config.get(Settings.MQTT_HOST),
                config.get(Settings.MQTT_PORT), config.get(Settings.MQTT_CLIENT_ID),
                config.get(Settings.MQTT_SHARED_GROUP), config.get(Settings.MQTT_CONNECTIONS),
                config.get(Settings.MQTT_SESSION_EXPIRY),
                config.get(Settings.MQTT_RECEIVE_MAXIMUM),
                new IngestSettings(config.get(Settings.BATCH_SIZE), config.get(Settings.QUEUE_CAPACITY),
                        spoolDir(config).resolve("readings.spool"), VeeLimits.defaults(), 500_000,
                        java.time.Duration.ofHours(config.get(Settings.READING_HOLD_AGE)),
                        config.get(Settings.QUARANTINE_PER_HOUR)),
                coapSettings(config), ModbusSettings.defaults(modbusOwner(config)));
        settings = settings.withMqttDoor(mqttDoor(config));
        String user = config.get(Settings.MQTT_USER);
        if (user != null) {
            String password = config.get(Settings.MQTT_PASSWORD);
            settings = settings.withBrokerLogin(new BrokerLogin(user, password == null ? "" : password));
        }
        return settings;
    }

    private static MqttDoorSettings mqttDoor(Config config) {
        try {
            MqttDoorSettings door = MqttDoorSettings.defaults().withLimits(config.get(Settings.MQTT_MAX_MESSAGE_BYTES),
                    config.get(Settings.MQTT_MAX_INFLIGHT), config.get(Settings.MQTT_MALFORMED_BUDGET));
            String headEndSecret = config.get(Settings.MQTT_HEADEND_SECRET);
            if (headEndSecret != null) {
                door = door.withHeadEnd(new HeadEnd(config.get(Settings.MQTT_HEADEND_USER), headEndSecret));
            }
            int tlsPort = config.get(Settings.MQTT_TLS_PORT);
            if (tlsPort >= 0) {
                door = door.withTls(tlsPort, config.get(Settings.MQTT_TLS_KEY), config.get(Settings.MQTT_TLS_CERT));
            }
            Path clientCa = config.get(Settings.MQTT_TLS_CLIENT_CA);
            if (clientCa != null) {
                door = door.withClientCertificates(clientCa);
            }
            return door;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("EKOMMUNAL_MQTT_*: " + e.getMessage()
                    + " (EKOMMUNAL_MQTT_HEADEND_SECRET has 16+ characters; EKOMMUNAL_MQTT_TLS_PORT needs "
                    + "EKOMMUNAL_MQTT_TLS_KEY and EKOMMUNAL_MQTT_TLS_CERT; EKOMMUNAL_MQTT_TLS_CLIENT_CA needs "
                    + "EKOMMUNAL_MQTT_TLS_PORT)");
        }
    }

    private static CoapSettings coapSettings(Config config) {
        int port = config.get(Settings.COAP_PORT);
        if (port < 0) {
            return null;
        }
        CoapSettings defaults = CoapSettings.defaults();
        return new CoapSettings(config.get(Settings.COAP_HOST), port, config.get(Settings.COAPS_PORT),
                defaults.protocolThreads(), defaults.retryAfter(), defaults.separateResponseAfter(),
                "keyless".equals(config.get(Settings.COAP_PLAIN)), config.get(Settings.COAP_MAX_PAYLOAD_BYTES));
    }

    private static String modbusOwner(Config config) {
        String configured = config.get(Settings.MODBUS_OWNER);
        return configured != null ? configured : instanceName("gateway");
    }

    /** A name for this process in lease and cluster tables: the host name and a random suffix. */
    private static String instanceName(String fallbackHost) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = fallbackHost;
        }
        return host + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static Path spoolDir(Config config) {
        String configured = config.get(Settings.SPOOL_DIR);
        return configured != null ? Path.of(configured) : config.get(Settings.DATA_DIR).resolve("spool");
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

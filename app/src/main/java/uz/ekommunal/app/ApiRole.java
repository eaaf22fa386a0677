package uz.ekommunal.app;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.api.HouseholdApi;
import uz.ekommunal.api.HouseholdApiSettings;
import uz.ekommunal.api.accounts.LinkCodes;
import uz.ekommunal.api.appeals.Appeals;
import uz.ekommunal.api.appeals.AppealsSettings;
import uz.ekommunal.api.health.HealthRoutes;
import uz.ekommunal.api.http.ApiServer;
import uz.ekommunal.api.http.HttpLimits;
import uz.ekommunal.api.http.MetricsRoutes;
import uz.ekommunal.api.http.OpenApiRoutes;
import uz.ekommunal.api.money.MoneyDesk;
import uz.ekommunal.api.notify.Channel;
import uz.ekommunal.api.notify.DeliveryAdapter;
import uz.ekommunal.api.notify.Outbox;
import uz.ekommunal.api.notify.SmsBudget;
import uz.ekommunal.api.notify.SmtpDelivery;
import uz.ekommunal.api.notify.SmtpSettings;
import uz.ekommunal.api.operator.AccountDeskRoutes;
import uz.ekommunal.api.operator.OperatorDesk;
import uz.ekommunal.api.operator.PaymentRegistryRoutes;
import uz.ekommunal.api.operator.ProviderRoutes;
import uz.ekommunal.api.operator.ReconciliationRoutes;
import uz.ekommunal.api.operator.RegistryRoutes;
import uz.ekommunal.api.payments.PaymentHooks;
import uz.ekommunal.api.tariffs.TariffPages;
import uz.ekommunal.api.tariffs.TariffRoutes;
import uz.ekommunal.api.web.WebPages;
import uz.ekommunal.api.widgets.CheckoutPayLinks;
import uz.ekommunal.api.widgets.PayLinkSource;
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.billing.payregistry.PaymentRegistryImport;
import uz.ekommunal.billing.payregistry.SetAsidePayments;
import uz.ekommunal.billing.tariffs.JdbcTariffBook;
import uz.ekommunal.gateway.Gateway;
import uz.ekommunal.gateway.GatewaySettings;
import uz.ekommunal.gateway.auth.MeterCredentials;
import uz.ekommunal.gateway.ingest.HandReadings;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.ingest.PrometheusText;
import uz.ekommunal.gateway.ingest.QuarantineActions;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.modbus.ModbusEndpoints;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.DataFolder;

/**
 * The API role: every feature's routes on one HTTP server, and {@code /metrics} on the management
 * port. A new feature is one line in {@link #features}.
 */
final class ApiRole {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRole.class);

    private final Config config;
    private final Vertx vertx;
    private final DataSource dataSource;
    /** Null when this process does not run the gateway. */
    private final Gateway gateway;
    private final Billing billing;
    private final MeterRegistry registry;
    private final JdbcTariffBook tariffs;
    private final Clock clock;
    private int httpPort = -1;
    private int metricsPort = -1;
    private volatile LinkCodes linkCodes;

    ApiRole(Config config, Vertx vertx, DataSource dataSource, Gateway gateway, Billing billing,
            MeterRegistry registry, JdbcTariffBook tariffs, Clock clock) {
        this.config = config;
        this.vertx = vertx;
        this.dataSource = dataSource;
        this.gateway = gateway;
        this.billing = billing;
        this.registry = registry;
        this.tariffs = tariffs;
        this.clock = clock;
    }

    /** Starts the households' side, mounts every feature and listens; what is to be closed goes into {@code toClose}. */
    void start(List<AutoCloseable> toClose) throws Exception {
        HouseholdApiSettings household = householdSettings(config);
        IngestSettings ingest = IngestSettings.from(config);
        HandReadings handReadings = new HandReadings(dataSource, registry, ingest.limits(), ingest.holdAge(), clock);
        HouseholdApi households = new HouseholdApi(vertx, dataSource, billing, registry, handReadings, household,
                deliveryAdapters(config, household), payLinks(config),
                UnaryOperator.identity(), clock);
        households.start();
        toClose.add(0, households);
        linkCodes = households.linkCodes();
        ApiServer api = new ApiServer(vertx, features(households));
        httpPort = api.listen(config.get(Settings.HTTP_HOST), config.get(Settings.HTTP_PORT),
                HttpLimits.from(config)).await(10, TimeUnit.SECONDS);
        toClose.add(0, () -> api.close().await(5, TimeUnit.SECONDS));
        LOG.info("HTTP API on http://localhost:{}/ (health: /health)", httpPort);
        startManagement(api, households.smsBudget(), toClose);
    }

    /** The API's settings; with the embedded database, the token key is made once in the data folder. */
    static HouseholdApiSettings householdSettings(Config config) throws java.io.IOException {
        return HouseholdApiSettings.from(config,
                config.get(Settings.DB_URL) == null ? DataFolder.resolve(config, "jwt-secret") : null);
    }

    /** E-mail through the configured SMTP server; without one, the log keeps printing it. */
    static Map<Channel, DeliveryAdapter> deliveryAdapters(Config config, HouseholdApiSettings household) {
        Map<Channel, DeliveryAdapter> adapters = HouseholdApi.adapters(household);
        SmtpSettings smtp = SmtpSettings.from(config);
        if (smtp != null) {
            adapters.put(Channel.EMAIL, new SmtpDelivery(smtp));
        }
        return adapters;
    }

    /** The widgets' Pay links: the payment systems' checkout pages, for the account's debt. */
    private static PayLinkSource payLinks(Config config) {
        return new CheckoutPayLinks(PaymentHooks.checkoutLinks(PaymentHooks.Config.from(config)));
    }

    /** Replays go through the gateway's own checks, with the limits and hold age it ingests with. */
    private QuarantineActions quarantineActions() {
        IngestSettings ingest = IngestSettings.from(config);
        return new QuarantineActions(dataSource, registry, ingest.limits(), ingest.holdAge(), clock);
    }

    private List<Consumer<Router>> features(HouseholdApi households) throws Exception {
        var signedIn = households.authenticate();
        var audit = households.audit();
        String broker = config.get(GatewaySettings.MQTT_URL) == null ? "the embedded MQTT broker"
                : config.get(GatewaySettings.MQTT_URL);
        List<Consumer<Router>> features = new ArrayList<>();
        features.add(new HealthRoutes(vertx, HealthChecks.of(dataSource, gateway, broker,
                Duration.ofSeconds(config.get(IngestSettings.WRITER_UNHEALTHY_AFTER))))::mount);
        features.add(new TariffRoutes(vertx, tariffs::engine, clock)::mount);
        features.add(new TariffPages()::mount);
        features.add(new WebPages()::mount);
        features.add(new OpenApiRoutes()::mount);
        features.addAll(households.routes());
        features.addAll(PaymentHooks.routes(vertx, dataSource, billing, clock, PaymentHooks.Config.from(config),
                households.payerScope()));
        // the desk changes the same cached tariff book the calculator and billing price with
        features.addAll(new OperatorDesk(vertx, signedIn, dataSource, billing, registry, modbusEndpoints(), tariffs,
                meterCredentials(), quarantineActions(), audit, clock).routes());
        features.addAll(new MoneyDesk(vertx, signedIn, billing, audit, clock).routes());
        features.add(new RegistryRoutes(vertx, signedIn, dataSource, billing.accounts(), registry, audit,
                clock)::mount);
        features.add(new PaymentRegistryRoutes(vertx, signedIn, new PaymentRegistryImport(dataSource,
                billing.accounts(), clock), new SetAsidePayments(dataSource, billing.payments(), clock), audit)::mount);
        features.add(new ReconciliationRoutes(vertx, signedIn, billing.paymentReconciliation(), audit)::mount);
        features.add(new AccountDeskRoutes(vertx, signedIn, dataSource, billing.accounts(), audit)::mount);
        features.add(new ProviderRoutes(vertx, signedIn, dataSource, billing.accounts(), audit)::mount);
        features.addAll(new Appeals(vertx, dataSource, signedIn, new Outbox(dataSource, clock),
                AppealsSettings.from(config), audit, households.smsBudget(), this::providerExists, clock)
                .routes());
        return features;
    }

    /** {@code /metrics} on its own port, bound to this machine by default: not part of the public API. */
    private void startManagement(ApiServer api, SmsBudget sms, List<AutoCloseable> toClose) throws Exception {
        if (config.get(Settings.METRICS_PORT) < 0) {
            return;
        }
        ApiServer management = new ApiServer(vertx, List.of(new MetricsRoutes(() -> gatewayMetrics() + api.metrics()
                + sms.metrics())::mount));
        metricsPort = management.listen(config.get(Settings.METRICS_HOST), config.get(Settings.METRICS_PORT))
                .await(10, TimeUnit.SECONDS);
        toClose.add(0, () -> management.close().await(5, TimeUnit.SECONDS));
        LOG.info("Metrics on http://{}:{}/metrics", config.get(Settings.METRICS_HOST), metricsPort);
    }

    private String gatewayMetrics() {
        return gateway == null ? "" : PrometheusText.render(gateway.counters(), gateway.queuedReadings(),
                gateway.spoolBytes(), offlineMeters()) + gateway.doorCounters().render();
    }

    /** Modbus meters not answering, or -1 when the database cannot say. */
    private int offlineMeters() {
        try {
            return gateway.modbusEndpoints().offline().size();
        } catch (SQLException e) {
            return -1;
        }
    }

    private ModbusEndpoints modbusEndpoints() {
        return gateway != null ? gateway.modbusEndpoints() : new ModbusEndpoints(dataSource);
    }

    private MeterCredentials meterCredentials() {
        return gateway != null ? gateway.credentials() : new MeterCredentials(dataSource);
    }

    /** Whether billing knows the provider (an operator's grant names one). */
    private boolean providerExists(long providerId) throws SQLException {
        try {
            billing.accounts().provider(providerId);
            return true;
        } catch (BillingException e) {
            if (e.code() == BillingErrorCode.PROVIDER_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** The link code printed on the receipts of the (first) account with this number, or "(unknown)". */
    String linkCodeOf(String accountNumber) {
        try {
            var found = billing.accounts().findByNumber(accountNumber);
            return linkCodes == null || found.isEmpty() ? "(unknown)" : linkCodes.codeOf(found.get(0).id());
        } catch (SQLException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }

    int httpPort() {
        return httpPort;
    }

    int metricsPort() {
        return metricsPort;
    }
}

package uz.ekommunal.app.config;

import java.util.List;
import java.util.Map;
import uz.ekommunal.api.HouseholdApiSettings;
import uz.ekommunal.api.appeals.AppealsSettings;
import uz.ekommunal.api.auth.oneid.OneIdSettings;
import uz.ekommunal.api.http.HttpLimits;
import uz.ekommunal.api.notify.SmsBudget;
import uz.ekommunal.api.notify.SmsGatewaySettings;
import uz.ekommunal.api.notify.SmtpSettings;
import uz.ekommunal.api.payments.PaymentHooks;
import uz.ekommunal.billing.run.BillingSettings;
import uz.ekommunal.gateway.GatewaySettings;
import uz.ekommunal.gateway.coap.CoapSettings;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.modbus.ModbusSettings;
import uz.ekommunal.gateway.mqtt.MqttDoorSettings;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.DataFolder;
import uz.ekommunal.platform.config.Parsers;
import uz.ekommunal.platform.config.Setting;

/**
 * Every configuration key of the system, in one list: the README's table is printed from it. The
 * launcher's own keys are declared here; each module declares its keys (name, default, meaning,
 * parser) next to the settings record it builds from them.
 */
public final class Settings {

    public static final Setting<String> DB_URL = new Setting<>("EKOMMUNAL_DB_URL", "",
            "PostgreSQL or TimescaleDB JDBC URL. Empty: start the embedded PostgreSQL.", Parsers.jdbcUrl());
    public static final Setting<String> DB_USER = new Setting<>("EKOMMUNAL_DB_USER", "postgres",
            "Database user.", Parsers.text());
    public static final Setting<String> DB_PASSWORD = new Setting<>("EKOMMUNAL_DB_PASSWORD", "",
            "Database password.", Parsers.text());
    public static final Setting<Integer> DB_POOL_SIZE = new Setting<>("EKOMMUNAL_DB_POOL_SIZE", "10",
            "Connections in the pool.", Parsers.integer(1, 500));
    public static final Setting<Integer> EMBEDDED_DB_PORT = new Setting<>("EKOMMUNAL_EMBEDDED_DB_PORT", "54329",
            "Port of the embedded PostgreSQL.", Parsers.port());
    public static final Setting<String> HTTP_HOST = new Setting<>("EKOMMUNAL_HTTP_HOST", "0.0.0.0",
            "Address the HTTP API listens on.", Parsers.text());
    public static final Setting<Integer> HTTP_PORT = new Setting<>("EKOMMUNAL_HTTP_PORT", "8080",
            "Port of the HTTP API and web page.", Parsers.port());
    public static final Setting<String> METRICS_HOST = new Setting<>("EKOMMUNAL_METRICS_HOST", "127.0.0.1",
            "Address the management port (GET /metrics) listens on: this machine only unless changed.",
            Parsers.text());
    public static final Setting<Integer> METRICS_PORT = new Setting<>("EKOMMUNAL_METRICS_PORT", "9464",
            "Management port serving GET /metrics (Prometheus), apart from the public API. -1: off.",
            Parsers.integer(-1, 65535));
    public static final Setting<Integer> MODBUS_INTERVAL = new Setting<>("EKOMMUNAL_MODBUS_INTERVAL", "60",
            "Seconds between polls of Modbus meters registered from the seed file.", Parsers.integer(1, 86_400));
    public static final Setting<String> METER_SEED = new Setting<>("EKOMMUNAL_METER_SEED", "builtin",
            "Meters registered at start-up: a CSV file path, 'builtin' for the demo meters, or 'none'.",
            Parsers.text());
    public static final Setting<Integer> DEMO_CITY = new Setting<>("EKOMMUNAL_DEMO_CITY", "300",
            "Households of the simulated demo neighbourhood started by the all-in-one run (meters over MQTT, CoAP "
                    + "and Modbus, accounts at six providers put in through the registry import). 0: none.", Parsers.integer(0, 100_000));
    public static final Setting<String> LOG_FORMAT = new Setting<>("EKOMMUNAL_LOG_FORMAT", "plain",
            "'plain': one readable line per event; 'json': one JSON object per line on standard output (for a log "
                    + "collector), with the HTTP request id (request_id, also the X-Request-Id answer header) in "
                    + "the lines of a request.", Parsers.oneOf("plain", "json"));
    public static final Setting<Integer> READINGS_RAW_MONTHS = new Setting<>("EKOMMUNAL_READINGS_RAW_MONTHS", "0",
            "Months of raw (15-minute) readings to keep; older hours are rolled up into hourly figures, which with "
                    + "the daily ones are kept for ever (docs/scaling.md). Never removes a reading of a period billing "
                    + "has not closed. 0: keep every raw reading.", Parsers.integer(0, 1200));

    public static final List<Setting<?>> ALL = List.of(DB_URL, DB_USER, DB_PASSWORD, DB_POOL_SIZE, DataFolder.DATA_DIR,
            EMBEDDED_DB_PORT,
            GatewaySettings.MQTT_URL, GatewaySettings.MQTT_HOST, GatewaySettings.MQTT_PORT,
            GatewaySettings.MQTT_CLIENT_ID, GatewaySettings.MQTT_SHARED_GROUP, GatewaySettings.MQTT_CONNECTIONS,
            GatewaySettings.MQTT_SESSION_EXPIRY, GatewaySettings.MQTT_RECEIVE_MAXIMUM, GatewaySettings.MQTT_USER,
            GatewaySettings.MQTT_PASSWORD,
            MqttDoorSettings.MQTT_HEADEND_USER, MqttDoorSettings.MQTT_HEADEND_SECRET,
            MqttDoorSettings.MQTT_MAX_MESSAGE_BYTES, MqttDoorSettings.MQTT_MAX_INFLIGHT,
            MqttDoorSettings.MQTT_MALFORMED_BUDGET, MqttDoorSettings.MQTT_TLS_PORT, MqttDoorSettings.MQTT_TLS_KEY,
            MqttDoorSettings.MQTT_TLS_CERT, MqttDoorSettings.MQTT_TLS_CLIENT_CA,
            HTTP_HOST, HTTP_PORT, HttpLimits.HTTP_IDLE_TIMEOUT, HttpLimits.HTTP_HEAD_TIMEOUT,
            HttpLimits.HTTP_REQUEST_TIMEOUT, HttpLimits.HTTP_MAX_CONNECTIONS_PER_ADDRESS,
            HttpLimits.HTTP_TRUSTED_PROXIES, METRICS_HOST, METRICS_PORT,
            CoapSettings.COAP_HOST, CoapSettings.COAP_PORT, CoapSettings.COAPS_PORT, CoapSettings.COAP_PLAIN,
            CoapSettings.COAP_MAX_PAYLOAD_BYTES, CoapSettings.COAP_THREADS,
            ModbusSettings.MODBUS_OWNER, MODBUS_INTERVAL, METER_SEED, DEMO_CITY, IngestSettings.SPOOL_DIR,
            BillingSettings.BILLING_NODE_ID, BillingSettings.BILLING_CRON, BillingSettings.BILLING_WORKERS,
            BillingSettings.BILLING_SHARD_SIZE,
            IngestSettings.BATCH_SIZE, IngestSettings.QUEUE_CAPACITY, IngestSettings.INGEST_WRITERS,
            IngestSettings.WRITER_UNHEALTHY_AFTER, IngestSettings.READING_HOLD_AGE, IngestSettings.QUARANTINE_PER_HOUR,
            PaymentHooks.Config.PAYME_KEY, PaymentHooks.Config.PAYME_TEST_KEY, PaymentHooks.Config.PAYME_ACCOUNT_FIELD,
            PaymentHooks.Config.PAYME_MERCHANT_ID, PaymentHooks.Config.PAYME_CHECKOUT_URL,
            PaymentHooks.Config.CLICK_SECRET_KEY, PaymentHooks.Config.CLICK_SERVICE_ID,
            PaymentHooks.Config.CLICK_MERCHANT_ID, PaymentHooks.Config.PAYMENT_MAX_AMOUNT,
            PaymentHooks.Config.PAYMENT_RETURN_URL,
            HouseholdApiSettings.JWT_SECRET, HouseholdApiSettings.ADMIN_PHONE,
            SmsGatewaySettings.SMS_URL, SmsGatewaySettings.SMS_USER, SmsGatewaySettings.SMS_PASSWORD,
            SmsBudget.Limits.SMS_PER_HOUR, SmsBudget.Limits.SMS_SIGN_IN_RESERVE,
            OneIdSettings.ONEID_ISSUER, OneIdSettings.ONEID_CLIENT_ID, OneIdSettings.ONEID_CLIENT_SECRET,
            OneIdSettings.ONEID_REDIRECT_URI,
            AppealsSettings.APPEAL_FILES_DIR, AppealsSettings.APPEAL_MAX_IMAGE_MB, AppealsSettings.APPEAL_MAX_VIDEO_MB,
            AppealsSettings.OPEN311_API_KEYS, AppealsSettings.APPEAL_FORWARD_LIMIT,
            AppealsSettings.OPEN311_ALLOW_ANONYMOUS,
            SmtpSettings.SMTP_HOST, SmtpSettings.SMTP_PORT, SmtpSettings.SMTP_FROM, SmtpSettings.SMTP_USER,
            SmtpSettings.SMTP_PASSWORD, SmtpSettings.SMTP_STARTTLS,
            LOG_FORMAT, READINGS_RAW_MONTHS);

    private Settings() {
    }

    /**
     * Every key from {@code environment} or its default.
     *
     * @throws uz.ekommunal.platform.config.ConfigException listing every invalid value with its key
     */
    public static Config load(Map<String, String> environment) {
        return Config.load(ALL, environment);
    }
}

package uz.ekommunal.app.config;

import java.nio.file.Path;
import java.util.List;
import uz.ekommunal.gateway.coap.CoapSettings;
import uz.ekommunal.gateway.mqtt.MqttDoorSettings;

/** Every configuration key of the system, in one list: the README's table is printed from it. */
public final class Settings {

    public static final Setting<String> DB_URL = new Setting<>("EKOMMUNAL_DB_URL", "",
            "PostgreSQL or TimescaleDB JDBC URL. Empty: start the embedded PostgreSQL.", Parsers.jdbcUrl());
    public static final Setting<String> DB_USER = new Setting<>("EKOMMUNAL_DB_USER", "postgres",
            "Database user.", Parsers.text());
    public static final Setting<String> DB_PASSWORD = new Setting<>("EKOMMUNAL_DB_PASSWORD", "",
            "Database password.", Parsers.text());
    public static final Setting<Integer> DB_POOL_SIZE = new Setting<>("EKOMMUNAL_DB_POOL_SIZE", "10",
            "Connections in the pool.", Parsers.integer(1, 500));
    public static final Setting<Path> DATA_DIR = new Setting<>("EKOMMUNAL_DATA_DIR", "data",
            "Folder for local data; the embedded PostgreSQL keeps its files in <dir>/postgres.", Parsers.path());
    public static final Setting<Integer> EMBEDDED_DB_PORT = new Setting<>("EKOMMUNAL_EMBEDDED_DB_PORT", "54329",
            "Port of the embedded PostgreSQL.", Parsers.port());
    public static final Setting<String> MQTT_URL = new Setting<>("EKOMMUNAL_MQTT_URL", "",
            "MQTT broker to subscribe to (tcp://host:1883). Empty: run the embedded broker.", Parsers.mqttUrl());
    public static final Setting<String> MQTT_HOST = new Setting<>("EKOMMUNAL_MQTT_HOST", "0.0.0.0",
            "Address the embedded MQTT broker listens on.", Parsers.text());
    public static final Setting<Integer> MQTT_PORT = new Setting<>("EKOMMUNAL_MQTT_PORT", "1884",
            "Port of the embedded MQTT broker (1884, so it never clashes with a local Mosquitto on 1883).",
            Parsers.port());
    public static final Setting<String> MQTT_CLIENT_ID = new Setting<>("EKOMMUNAL_MQTT_CLIENT_ID",
            "ekommunal-gateway", "MQTT client id of the gateway at a real broker; its session survives restarts.",
            Parsers.text());
    public static final Setting<String> MQTT_SHARED_GROUP = new Setting<>("EKOMMUNAL_MQTT_SHARED_GROUP", "",
            "Scale-out: gateways with the same group share one subscription ($share/<group>/meters/+/readings).",
            Parsers.optional());
    public static final Setting<Integer> MQTT_CONNECTIONS = new Setting<>("EKOMMUNAL_MQTT_CONNECTIONS", "2",
            "Connections this gateway opens to the broker; more than one share the subscription. Keep it stable: "
                    + "each connection's session lives on in the broker.", Parsers.integer(1, 16));
    public static final Setting<Integer> MQTT_SESSION_EXPIRY = new Setting<>("EKOMMUNAL_MQTT_SESSION_EXPIRY",
            "604800", "Seconds the broker keeps the gateway's session (and queued readings) while it is away.",
            Parsers.integer(0, Integer.MAX_VALUE));
    public static final Setting<Integer> MQTT_RECEIVE_MAXIMUM = new Setting<>("EKOMMUNAL_MQTT_RECEIVE_MAXIMUM",
            "65535", "Unacknowledged QoS 1 messages the broker may have in flight to each gateway connection.",
            Parsers.integer(1, 65535));
    public static final Setting<String> MQTT_USER = new Setting<>("EKOMMUNAL_MQTT_USER", "",
            "The gateway's user at a real broker (EKOMMUNAL_MQTT_URL); its ACL reads meters/+/readings. Empty: none.",
            Parsers.optional());
    public static final Setting<String> MQTT_PASSWORD = new Setting<>("EKOMMUNAL_MQTT_PASSWORD", "",
            "Password of EKOMMUNAL_MQTT_USER; never printed.", Parsers.optional());
    public static final Setting<String> MQTT_HEADEND_USER = new Setting<>("EKOMMUNAL_MQTT_HEADEND_USER", "headend",
            "User name of the head-end system (data concentrator) that may publish for any registered meter.",
            Parsers.text());
    public static final Setting<String> MQTT_HEADEND_SECRET = new Setting<>("EKOMMUNAL_MQTT_HEADEND_SECRET", "",
            "Password (16+ characters) of the head-end user; never printed. Empty: no head-end user (the demo "
                    + "neighbourhood then gets one of its own for the run).", Parsers.optional());
    public static final Setting<Integer> MQTT_MAX_MESSAGE_BYTES = new Setting<>("EKOMMUNAL_MQTT_MAX_MESSAGE_BYTES",
            String.valueOf(MqttDoorSettings.DEFAULT_MAX_MESSAGE_BYTES),
            "Largest MQTT message the embedded broker accepts; a larger one closes the connection.",
            Parsers.integer(256, 16 * 1024 * 1024));
    public static final Setting<Integer> MQTT_MAX_INFLIGHT = new Setting<>("EKOMMUNAL_MQTT_MAX_INFLIGHT",
            String.valueOf(MqttDoorSettings.DEFAULT_MAX_INFLIGHT),
            "Unacknowledged QoS 1 messages per connection to the embedded broker (MQTT v5 receive maximum); a client "
                    + "sending more is disconnected.", Parsers.integer(1, 65535));
    public static final Setting<Integer> MQTT_MALFORMED_BUDGET = new Setting<>("EKOMMUNAL_MQTT_MALFORMED_BUDGET",
            String.valueOf(MqttDoorSettings.DEFAULT_MALFORMED_BUDGET),
            "Rejected messages (malformed, or for another meter) a meter may send per hour to the embedded "
                    + "broker; over it the meter is disconnected, flagged and refused for the rest of the hour.",
            Parsers.integer(1, 1_000_000));
    public static final Setting<Integer> MQTT_TLS_PORT = new Setting<>("EKOMMUNAL_MQTT_TLS_PORT", "-1",
            "Port of the embedded broker's MQTT-over-TLS listener. -1: none.", Parsers.integer(-1, 65535));
    public static final Setting<Path> MQTT_TLS_KEY = new Setting<>("EKOMMUNAL_MQTT_TLS_KEY", "",
            "PEM private key of the MQTT TLS listener (required with EKOMMUNAL_MQTT_TLS_PORT).", Parsers.optionalPath());
    public static final Setting<Path> MQTT_TLS_CERT = new Setting<>("EKOMMUNAL_MQTT_TLS_CERT", "",
            "PEM certificate (chain) of the MQTT TLS listener (required with EKOMMUNAL_MQTT_TLS_PORT).",
            Parsers.optionalPath());
    public static final Setting<Path> MQTT_TLS_CLIENT_CA = new Setting<>("EKOMMUNAL_MQTT_TLS_CLIENT_CA", "",
            "PEM certificate of the CA that issues meters' TLS client certificates (subject CN = serial). Empty: the "
            + "TLS listener asks for none; meters sign in with their secret only.", Parsers.optionalPath());
    public static final Setting<String> HTTP_HOST = new Setting<>("EKOMMUNAL_HTTP_HOST", "0.0.0.0",
            "Address the HTTP API listens on.", Parsers.text());
    public static final Setting<Integer> HTTP_PORT = new Setting<>("EKOMMUNAL_HTTP_PORT", "8080",
            "Port of the HTTP API and web page.", Parsers.port());
    public static final Setting<Integer> HTTP_IDLE_TIMEOUT = new Setting<>("EKOMMUNAL_HTTP_IDLE_TIMEOUT", "30",
            "Seconds an HTTP connection may stay silent before it is closed.", Parsers.integer(1, 3600));
    public static final Setting<Integer> HTTP_HEAD_TIMEOUT = new Setting<>("EKOMMUNAL_HTTP_HEAD_TIMEOUT", "10",
            "Seconds a new connection has to send its first complete request head; slower ones are closed.",
            Parsers.integer(1, 3600));
    public static final Setting<Integer> HTTP_REQUEST_TIMEOUT = new Setting<>("EKOMMUNAL_HTTP_REQUEST_TIMEOUT", "120",
            "Seconds a request body (e.g. a 50 MB appeal video) may take to arrive whole, and a kept-alive "
                    + "connection's next request head after the last answer.", Parsers.integer(1, 3600));
    public static final Setting<Integer> HTTP_MAX_CONNECTIONS_PER_ADDRESS = new Setting<>(
            "EKOMMUNAL_HTTP_MAX_CONNECTIONS_PER_ADDRESS", "64",
            "Open HTTP connections one client address may hold; more are closed at once. 0: no cap (set it on "
                    + "the reverse proxy instead when every client arrives from the proxy's address).",
            Parsers.integer(0, 100_000));
    public static final Setting<String> METRICS_HOST = new Setting<>("EKOMMUNAL_METRICS_HOST", "127.0.0.1",
            "Address the management port (GET /metrics) listens on: this machine only unless changed.",
            Parsers.text());
    public static final Setting<Integer> METRICS_PORT = new Setting<>("EKOMMUNAL_METRICS_PORT", "9464",
            "Management port serving GET /metrics (Prometheus), apart from the public API. -1: off.",
            Parsers.integer(-1, 65535));
    public static final Setting<String> COAP_HOST = new Setting<>("EKOMMUNAL_COAP_HOST", "0.0.0.0",
            "Address the CoAP endpoints listen on.", Parsers.text());
    public static final Setting<Integer> COAP_PORT = new Setting<>("EKOMMUNAL_COAP_PORT", "5683",
            "Port of the CoAP endpoint for meters (UDP). -1: CoAP off.", Parsers.integer(-1, 65535));
    public static final Setting<Integer> COAPS_PORT = new Setting<>("EKOMMUNAL_COAPS_PORT", "5684",
            "Port of CoAP over DTLS with per-meter pre-shared keys (UDP). -1: DTLS off.", Parsers.integer(-1, 65535));
    public static final Setting<String> COAP_PLAIN = new Setting<>("EKOMMUNAL_COAP_PLAIN", "keyless",
            "Plain CoAP on EKOMMUNAL_COAP_PORT: 'keyless' (only meters registered as CoAP meters without a key) or "
                    + "'off' (DTLS only).", Parsers.oneOf("keyless", "off"));
    public static final Setting<Integer> COAP_MAX_PAYLOAD_BYTES = new Setting<>("EKOMMUNAL_COAP_MAX_PAYLOAD_BYTES",
            String.valueOf(CoapSettings.DEFAULT_MAX_PAYLOAD_BYTES),
            "Largest CoAP pack accepted (also block-wise); larger gets 4.13.",
            Parsers.integer(256, 16 * 1024 * 1024));
    public static final Setting<Integer> COAP_THREADS = new Setting<>("EKOMMUNAL_COAP_THREADS", "1",
            "Californium's protocol threads for the CoAP endpoints (they parse, check the meter and hand the pack "
                    + "to the writer).", Parsers.integer(1, 64));
    public static final Setting<String> MODBUS_OWNER = new Setting<>("EKOMMUNAL_MODBUS_OWNER", "",
            "This instance's name in the Modbus lease table; unique per running gateway. Empty: host name + random.",
            Parsers.optional());
    public static final Setting<Integer> MODBUS_INTERVAL = new Setting<>("EKOMMUNAL_MODBUS_INTERVAL", "60",
            "Seconds between polls of Modbus meters registered from the seed file.", Parsers.integer(1, 86_400));
    public static final Setting<String> METER_SEED = new Setting<>("EKOMMUNAL_METER_SEED", "builtin",
            "Meters registered at start-up: a CSV file path, 'builtin' for the demo meters, or 'none'.",
            Parsers.text());
    public static final Setting<String> SPOOL_DIR = new Setting<>("EKOMMUNAL_SPOOL_DIR", "",
            "Folder of the spool that holds readings on disk while the database is away. Empty: <data dir>/spool.",
            Parsers.optional());
    public static final Setting<Integer> DEMO_CITY = new Setting<>("EKOMMUNAL_DEMO_CITY", "300",
            "Households of the simulated demo neighbourhood started by the all-in-one run (meters over MQTT, CoAP "
                    + "and Modbus, accounts at six providers put in through the registry import). 0: none.", Parsers.integer(0, 100_000));
    public static final Setting<String> BILLING_NODE_ID = new Setting<>("EKOMMUNAL_BILLING_NODE_ID", "",
            "This billing node's name in the Quartz cluster; unique per node. Empty: host name + random.",
            Parsers.optional());
    public static final Setting<String> BILLING_CRON = new Setting<>("EKOMMUNAL_BILLING_CRON", "0 0 * * * ?",
            "Quartz cron (Asia/Tashkent) of the job that opens due monthly bill runs.", Parsers.text());
    public static final Setting<Integer> BILLING_WORKERS = new Setting<>("EKOMMUNAL_BILLING_WORKERS", "2",
            "Shard worker threads per billing node (the pool needs workers + 3 connections).",
            Parsers.integer(1, 64));
    public static final Setting<Integer> BILLING_SHARD_SIZE = new Setting<>("EKOMMUNAL_BILLING_SHARD_SIZE", "5000",
            "Accounts per bill-run shard.", Parsers.integer(1, 1_000_000));
    public static final Setting<Integer> BATCH_SIZE = new Setting<>("EKOMMUNAL_BATCH_SIZE", "5000",
            "Most readings written in one transaction.", Parsers.integer(1, 100_000));
    public static final Setting<Integer> QUEUE_CAPACITY = new Setting<>("EKOMMUNAL_QUEUE_CAPACITY", "200000",
            "Readings held in memory before intake is held back.", Parsers.integer(100, 10_000_000));
    public static final Setting<Integer> INGEST_WRITERS = new Setting<>("EKOMMUNAL_INGEST_WRITERS", "2",
            "Reading writers side by side, each meter always with the same one; each has its own database connection "
                    + "and spool file (readings.spool, readings.spool.1, ...). A start with fewer writers than a spool "
                    + "file still holding readings is refused.", Parsers.integer(1, 32));
    public static final Setting<Integer> WRITER_UNHEALTHY_AFTER = new Setting<>("EKOMMUNAL_WRITER_UNHEALTHY_AFTER",
            "60", "Seconds readings may go to the spool (or fail) before /health answers 503 naming the cause.",
            Parsers.integer(1, 86_400));
    public static final Setting<Integer> READING_HOLD_AGE = new Setting<>("EKOMMUNAL_READING_HOLD_AGE", "24",
            "Hours after its time a reading may arrive between readings already stored (backfilled) and still be "
                    + "trusted; later, it is held for an operator's review. 0: no age rule.",
            Parsers.integer(0, 87_600));
    public static final Setting<Integer> QUARANTINE_PER_HOUR = new Setting<>("EKOMMUNAL_QUARANTINE_PER_HOUR", "100",
            "Quarantine rows kept per meter (or per unknown serial or source) per hour; the excess is counted in "
                    + "/metrics, not stored.", Parsers.integer(1, 1_000_000));
    public static final Setting<String> PAYME_KEY = new Setting<>("EKOMMUNAL_PAYME_KEY", "",
            "Payme cashbox key: the password of HTTP Basic login Paycom on POST /payments/payme. Empty, and no test "
                    + "key either: every Payme call is refused (-32504).", Parsers.optional());
    public static final Setting<String> PAYME_TEST_KEY = new Setting<>("EKOMMUNAL_PAYME_TEST_KEY", "",
            "Payme sandbox cashbox key, accepted besides the cashbox key.", Parsers.optional());
    public static final Setting<String> PAYME_ACCOUNT_FIELD = new Setting<>("EKOMMUNAL_PAYME_ACCOUNT_FIELD", "account",
            "Field of Payme's account object that carries the personal account number.", value -> {
                if (!value.strip().matches("[A-Za-z0-9_]{1,32}")) {
                    throw new IllegalArgumentException("must be a field name: letters, digits or _, at most 32");
                }
                return value.strip();
            });
    public static final Setting<String> PAYME_MERCHANT_ID = new Setting<>("EKOMMUNAL_PAYME_MERCHANT_ID", "",
            "Payme merchant (cashbox) id for the Pay button's checkout link. Empty: no Payme link.",
            Parsers.optional());
    public static final Setting<String> PAYME_CHECKOUT_URL = new Setting<>("EKOMMUNAL_PAYME_CHECKOUT_URL",
            "https://checkout.paycom.uz/", "Payme checkout address (https://checkout.test.paycom.uz/ for the sandbox).",
            Parsers.text());
    public static final Setting<String> CLICK_SECRET_KEY = new Setting<>("EKOMMUNAL_CLICK_SECRET_KEY", "",
            "Click SECRET_KEY that signs prepare and complete. Empty: every Click call is refused (-1).",
            Parsers.optional());
    public static final Setting<String> CLICK_SERVICE_ID = new Setting<>("EKOMMUNAL_CLICK_SERVICE_ID", "",
            "Click service id; requests for another service are refused (-8). Also used in the checkout link.",
            Parsers.optional());
    public static final Setting<String> CLICK_MERCHANT_ID = new Setting<>("EKOMMUNAL_CLICK_MERCHANT_ID", "",
            "Click merchant id for the Pay button's checkout link. Empty: no Click link.", Parsers.optional());
    public static final Setting<Integer> PAYMENT_MAX_AMOUNT = new Setting<>("EKOMMUNAL_PAYMENT_MAX_AMOUNT",
            "100000000", "Largest single online payment in so'm; above it Payme gets -31001 and Click -2.",
            Parsers.integer(1, Integer.MAX_VALUE));
    public static final Setting<String> PAYMENT_RETURN_URL = new Setting<>("EKOMMUNAL_PAYMENT_RETURN_URL", "",
            "Where Payme's and Click's checkout send the payer back. Empty: their default.", Parsers.optional());

    public static final Setting<String> JWT_SECRET = new Setting<>("EKOMMUNAL_JWT_SECRET", "",
            "Key signing sign-in tokens and keying code hashes, 32+ characters, the same on every API node. Required "
                    + "with EKOMMUNAL_DB_URL; empty with the embedded database: made once in <data dir>/jwt-secret.",
            Parsers.optional());
    public static final Setting<String> ADMIN_PHONE = new Setting<>("EKOMMUNAL_ADMIN_PHONE", "",
            "Mobile number (+998XXXXXXXXX) made administrator at start-up; signs in by SMS code. Empty: none.",
            v -> v == null || v.isBlank() ? null : uz.ekommunal.api.auth.PhoneNumber.parse(v)
                    .map(uz.ekommunal.api.auth.PhoneNumber::e164)
                    .orElseThrow(() -> new IllegalArgumentException("an Uzbek mobile number, +998 and 9 digits")));
    public static final Setting<String> SMS_URL = new Setting<>("EKOMMUNAL_SMS_URL", "",
            "HTTP SMS gateway that sign-in codes are POSTed to. Empty: SMS are printed to the log (local runs).",
            Parsers.httpUrl());
    public static final Setting<String> SMS_USER = new Setting<>("EKOMMUNAL_SMS_USER", "",
            "User for the SMS gateway's Basic authentication.", Parsers.optional());
    public static final Setting<String> SMS_PASSWORD = new Setting<>("EKOMMUNAL_SMS_PASSWORD", "",
            "Password for the SMS gateway's Basic authentication.", Parsers.optional());

    public static final Setting<Integer> SMS_PER_HOUR = new Setting<>("EKOMMUNAL_SMS_PER_HOUR", "2000",
            "SMS the whole system may send in one clock hour (sign-in codes, appeal notices, phone confirmations). "
                    + "Over it, sign-in codes and confirmations are refused (429) and notices wait for a later hour.",
            Parsers.integer(1, 10_000_000));
    public static final Setting<Integer> SMS_SIGN_IN_RESERVE = new Setting<>("EKOMMUNAL_SMS_SIGN_IN_RESERVE", "500",
            "Of EKOMMUNAL_SMS_PER_HOUR, how many only sign-in codes may use, so a flood of appeals cannot stop "
                    + "sign-ins. Less than EKOMMUNAL_SMS_PER_HOUR.", Parsers.integer(0, 10_000_000));
    public static final Setting<String> ONEID_ISSUER = new Setting<>("EKOMMUNAL_ONEID_ISSUER", "",
            "OneID (OpenID Connect) issuer URL, exactly as its ID tokens name it; its discovery document is read from "
                    + "<issuer>/.well-known/openid-configuration. Empty: sign-in by OneID is off.", Parsers.httpUrl());
    public static final Setting<String> ONEID_CLIENT_ID = new Setting<>("EKOMMUNAL_ONEID_CLIENT_ID", "",
            "This service's client id at OneID. Required with EKOMMUNAL_ONEID_ISSUER.", Parsers.optional());
    public static final Setting<String> ONEID_CLIENT_SECRET = new Setting<>("EKOMMUNAL_ONEID_CLIENT_SECRET", "",
            "This service's client secret at OneID (sent by HTTP Basic to its token endpoint). Required with "
                    + "EKOMMUNAL_ONEID_ISSUER.", Parsers.optional());
    public static final Setting<String> ONEID_REDIRECT_URI = new Setting<>("EKOMMUNAL_ONEID_REDIRECT_URI", "",
            "Where OneID sends people back, as registered there: https://<this site>/api/v1/auth/oneid/callback. "
                    + "Required with EKOMMUNAL_ONEID_ISSUER.", Parsers.httpUrl());

    public static final Setting<String> APPEAL_FILES_DIR = new Setting<>("EKOMMUNAL_APPEAL_FILES_DIR", "",
            "Folder for appeal attachments (never served as static files). Empty: <data dir>/appeal-files.",
            Parsers.optional());
    public static final Setting<Integer> APPEAL_MAX_IMAGE_MB = new Setting<>("EKOMMUNAL_APPEAL_MAX_IMAGE_MB", "10",
            "Largest photo or scan attached to an appeal, in MB.", Parsers.integer(1, 100));
    public static final Setting<Integer> APPEAL_MAX_VIDEO_MB = new Setting<>("EKOMMUNAL_APPEAL_MAX_VIDEO_MB", "50",
            "Largest video attached to an appeal, in MB.", Parsers.integer(1, 500));
    public static final Setting<String> OPEN311_API_KEYS = new Setting<>("EKOMMUNAL_OPEN311_API_KEYS", "",
            "Comma-separated api_key values Open311 clients may post requests with (more in appeals.open311_keys).",
            Parsers.optional());
    public static final Setting<Integer> APPEAL_FORWARD_LIMIT = new Setting<>("EKOMMUNAL_APPEAL_FORWARD_LIMIT", "3",
            "Times an officer may forward one appeal; past it only an administrator forwards it.",
            Parsers.integer(1, 20));
    public static final Setting<Boolean> OPEN311_ALLOW_ANONYMOUS = new Setting<>("EKOMMUNAL_OPEN311_ALLOW_ANONYMOUS",
            "false", "true: Open311 requests may come without a phone or email.", Parsers.flag());
    public static final Setting<String> SMTP_HOST = new Setting<>("EKOMMUNAL_SMTP_HOST", "",
            "SMTP server that appeals answered by e-mail are sent through. Empty: e-mail is printed to the log.",
            Parsers.optional());
    public static final Setting<Integer> SMTP_PORT = new Setting<>("EKOMMUNAL_SMTP_PORT", "25",
            "Port of the SMTP server (587 for submission with STARTTLS).", Parsers.port());
    public static final Setting<String> SMTP_FROM = new Setting<>("EKOMMUNAL_SMTP_FROM", "murojaat@e-kommunal.uz",
            "Sender address of appeals' e-mail replies.", Parsers.text());
    public static final Setting<String> SMTP_USER = new Setting<>("EKOMMUNAL_SMTP_USER", "",
            "Login at the SMTP server. Empty: no login.", Parsers.optional());
    public static final Setting<String> SMTP_PASSWORD = new Setting<>("EKOMMUNAL_SMTP_PASSWORD", "",
            "Password for the SMTP login.", Parsers.optional());
    public static final Setting<Boolean> SMTP_STARTTLS = new Setting<>("EKOMMUNAL_SMTP_STARTTLS", "false",
            "true: require STARTTLS before sending.", Parsers.flag());

    public static final Setting<String> LOG_FORMAT = new Setting<>("EKOMMUNAL_LOG_FORMAT", "plain",
            "'plain': one readable line per event; 'json': one JSON object per line on standard output (for a log "
                    + "collector), with the HTTP request id (request_id, also the X-Request-Id answer header) in "
                    + "the lines of a request.", Parsers.oneOf("plain", "json"));
    public static final Setting<Integer> READINGS_RAW_MONTHS = new Setting<>("EKOMMUNAL_READINGS_RAW_MONTHS", "0",
            "Months of raw (15-minute) readings to keep; older hours are rolled up into hourly figures, which with "
                    + "the daily ones are kept for ever (docs/scaling.md). Never removes a reading of a period billing "
                    + "has not closed. 0: keep every raw reading.", Parsers.integer(0, 1200));

    public static final List<Setting<?>> ALL = List.of(DB_URL, DB_USER, DB_PASSWORD, DB_POOL_SIZE, DATA_DIR,
            EMBEDDED_DB_PORT, MQTT_URL, MQTT_HOST, MQTT_PORT, MQTT_CLIENT_ID, MQTT_SHARED_GROUP, MQTT_CONNECTIONS,
            MQTT_SESSION_EXPIRY,
            MQTT_RECEIVE_MAXIMUM, MQTT_USER, MQTT_PASSWORD, MQTT_HEADEND_USER, MQTT_HEADEND_SECRET, MQTT_MAX_MESSAGE_BYTES,
            MQTT_MAX_INFLIGHT, MQTT_MALFORMED_BUDGET, MQTT_TLS_PORT, MQTT_TLS_KEY, MQTT_TLS_CERT,
            MQTT_TLS_CLIENT_CA,
            HTTP_HOST, HTTP_PORT, HTTP_IDLE_TIMEOUT, HTTP_HEAD_TIMEOUT, HTTP_REQUEST_TIMEOUT,
            HTTP_MAX_CONNECTIONS_PER_ADDRESS, METRICS_HOST, METRICS_PORT, COAP_HOST, COAP_PORT, COAPS_PORT, COAP_PLAIN,
            COAP_MAX_PAYLOAD_BYTES,
            COAP_THREADS,
            MODBUS_OWNER, MODBUS_INTERVAL, METER_SEED, DEMO_CITY, SPOOL_DIR, BILLING_NODE_ID, BILLING_CRON, BILLING_WORKERS,
            BILLING_SHARD_SIZE, BATCH_SIZE, QUEUE_CAPACITY,
            INGEST_WRITERS, WRITER_UNHEALTHY_AFTER, READING_HOLD_AGE, QUARANTINE_PER_HOUR,
            PAYME_KEY, PAYME_TEST_KEY, PAYME_ACCOUNT_FIELD,
            PAYME_MERCHANT_ID, PAYME_CHECKOUT_URL, CLICK_SECRET_KEY, CLICK_SERVICE_ID, CLICK_MERCHANT_ID,
            PAYMENT_MAX_AMOUNT, PAYMENT_RETURN_URL, JWT_SECRET, ADMIN_PHONE, SMS_URL, SMS_USER,
            SMS_PASSWORD, SMS_PER_HOUR, SMS_SIGN_IN_RESERVE, ONEID_ISSUER, ONEID_CLIENT_ID, ONEID_CLIENT_SECRET,
            ONEID_REDIRECT_URI, APPEAL_FILES_DIR, APPEAL_MAX_IMAGE_MB, APPEAL_MAX_VIDEO_MB, OPEN311_API_KEYS,
            APPEAL_FORWARD_LIMIT, OPEN311_ALLOW_ANONYMOUS, SMTP_HOST, SMTP_PORT, SMTP_FROM, SMTP_USER, SMTP_PASSWORD,
            SMTP_STARTTLS, LOG_FORMAT, READINGS_RAW_MONTHS);

    private Settings() {
    }
}

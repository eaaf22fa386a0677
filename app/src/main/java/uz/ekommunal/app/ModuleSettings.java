package uz.ekommunal.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uz.ekommunal.api.notify.Channel;
import uz.ekommunal.api.notify.DeliveryAdapter;
import uz.ekommunal.api.notify.SmtpDelivery;
import uz.ekommunal.api.notify.SmtpSettings;
import uz.ekommunal.api.appeals.AppealsSettings;
import uz.ekommunal.api.HouseholdApi;
import uz.ekommunal.api.HouseholdApiSettings;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.auth.TokenKeys;
import uz.ekommunal.api.auth.oneid.OneIdSettings;
import uz.ekommunal.api.http.HttpLimits;
import uz.ekommunal.api.notify.SmsBudget;
import uz.ekommunal.api.payments.PaymentHooks;
import uz.ekommunal.api.notify.SmsGatewaySettings;
import uz.ekommunal.api.payments.CheckoutLinks;
import uz.ekommunal.api.widgets.CheckoutPayLinks;
import uz.ekommunal.api.widgets.PayLinkSource;
import uz.ekommunal.app.config.Config;
import uz.ekommunal.app.config.ConfigException;
import uz.ekommunal.app.config.Setting;
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.billing.run.BillingSettings;
import uz.ekommunal.gateway.GatewaySettings;
import uz.ekommunal.gateway.auth.HeadEnd;
import uz.ekommunal.gateway.coap.CoapSettings;
import uz.ekommunal.gateway.mqtt.BrokerLogin;
import uz.ekommunal.gateway.mqtt.MqttDoorSettings;
import uz.ekommunal.gateway.modbus.ModbusSettings;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.vee.VeeLimits;

/**
 * Configuration translated into each module's settings: the one place where {@code EKOMMUNAL_*}
 * keys become the gateway's, billing's, the API's and the appeals' own settings records, so the
 * launcher ({@link Application}) only composes roles.
 */
final class ModuleSettings {

    private ModuleSettings() {
    }

    static BillingSettings billingSettings(Config config) {
        return BillingSettings.of(config.get(Settings.BILLING_SHARD_SIZE), config.get(Settings.BILLING_WORKERS),
                config.get(Settings.BILLING_CRON));
    }

    /** Sign-in, SMS and the first administrator; the token key is made once for the embedded local run. */
    static AppealsSettings appealsSettings(Config config) {
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

    static HouseholdApiSettings householdSettings(Config config) throws java.io.IOException {
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
    static PayLinkSource payLinks(Config config) {
        PaymentHooks.Config p = paymentConfig(config);
        return new CheckoutPayLinks(new CheckoutLinks(new CheckoutLinks.Settings(p.paymeMerchantId(),
                p.paymeCheckoutUrl(), p.paymeAccountField(), p.clickServiceId(), p.clickMerchantId(),
                "https://my.click.uz/services/pay", p.returnUrl())));
    }

    static PaymentHooks.Config paymentConfig(Config config) {
        return new PaymentHooks.Config(config.get(Settings.PAYME_KEY), config.get(Settings.PAYME_TEST_KEY),
                config.get(Settings.PAYME_ACCOUNT_FIELD), config.get(Settings.PAYME_MERCHANT_ID),
                config.get(Settings.PAYME_CHECKOUT_URL), config.get(Settings.CLICK_SECRET_KEY),
                config.get(Settings.CLICK_SERVICE_ID), config.get(Settings.CLICK_MERCHANT_ID),
                config.get(Settings.PAYMENT_MAX_AMOUNT) * 100L, config.get(Settings.PAYMENT_RETURN_URL));
    }

    static HttpLimits httpLimits(Config config) {
        return new HttpLimits(Duration.ofSeconds(config.get(Settings.HTTP_IDLE_TIMEOUT)),
                Duration.ofSeconds(config.get(Settings.HTTP_HEAD_TIMEOUT)),
                Duration.ofSeconds(config.get(Settings.HTTP_REQUEST_TIMEOUT)),
                config.get(Settings.HTTP_MAX_CONNECTIONS_PER_ADDRESS));
    }

    static GatewaySettings gatewaySettings(Config config) {
        GatewaySettings settings = new GatewaySettings(config.get(Settings.MQTT_URL), config.get(Settings.MQTT_HOST),
                config.get(Settings.MQTT_PORT), config.get(Settings.MQTT_CLIENT_ID),
                config.get(Settings.MQTT_SHARED_GROUP), config.get(Settings.MQTT_CONNECTIONS),
                config.get(Settings.MQTT_SESSION_EXPIRY),
                config.get(Settings.MQTT_RECEIVE_MAXIMUM),
                new IngestSettings(config.get(Settings.BATCH_SIZE), config.get(Settings.QUEUE_CAPACITY),
                        spoolDir(config).resolve("readings.spool"), VeeLimits.defaults(), 500_000,
                        java.time.Duration.ofHours(config.get(Settings.READING_HOLD_AGE)),
                        config.get(Settings.QUARANTINE_PER_HOUR), config.get(Settings.INGEST_WRITERS)),
                coapSettings(config), ModbusSettings.defaults(modbusOwner(config)));
        settings = settings.withMqttDoor(mqttDoor(config));
        String user = config.get(Settings.MQTT_USER);
        if (user != null) {
            String password = config.get(Settings.MQTT_PASSWORD);
            settings = settings.withBrokerLogin(new BrokerLogin(user, password == null ? "" : password));
        }
        return settings;
    }

    static MqttDoorSettings mqttDoor(Config config) {
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

    static CoapSettings coapSettings(Config config) {
        int port = config.get(Settings.COAP_PORT);
        if (port < 0) {
            return null;
        }
        return CoapSettings.listening(config.get(Settings.COAP_HOST), port, config.get(Settings.COAPS_PORT))
                .withPlain("keyless".equals(config.get(Settings.COAP_PLAIN)))
                .withMaxPayloadBytes(config.get(Settings.COAP_MAX_PAYLOAD_BYTES))
                .withProtocolThreads(config.get(Settings.COAP_THREADS));
    }

    static String modbusOwner(Config config) {
        String configured = config.get(Settings.MODBUS_OWNER);
        return configured != null ? configured : instanceName("gateway");
    }

    /** A name for this process in lease and cluster tables: the host name and a random suffix. */
    static String instanceName(String fallbackHost) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = fallbackHost;
        }
        return host + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    static Path spoolDir(Config config) {
        String configured = config.get(Settings.SPOOL_DIR);
        return configured != null ? Path.of(configured) : config.get(Settings.DATA_DIR).resolve("spool");
    }
}

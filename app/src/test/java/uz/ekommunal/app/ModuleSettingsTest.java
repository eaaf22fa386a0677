package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.ekommunal.api.HouseholdApiSettings;
import uz.ekommunal.api.appeals.AppealsSettings;
import uz.ekommunal.api.http.HttpLimits;
import uz.ekommunal.api.notify.SmsBudget;
import uz.ekommunal.api.notify.SmtpSettings;
import uz.ekommunal.api.payments.PaymentHooks;
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.billing.run.BillingSettings;
import uz.ekommunal.gateway.GatewaySettings;
import uz.ekommunal.gateway.coap.CoapSettings;
import uz.ekommunal.gateway.mqtt.MqttDoorSettings;
import uz.ekommunal.platform.config.Config;

/**
 * Each module builds its settings from the configuration with its own keys ({@code from(Config)}),
 * every one of those keys is in the launcher's list, and each default is written once, in its key.
 */
class ModuleSettingsTest {

    @Test
    void everyModuleBuildsItsSettingsFromTheLoadedKeys(@TempDir Path dir) throws Exception {
        Config config = Settings.load(Map.of("EKOMMUNAL_DATA_DIR", dir.toString(),
                "EKOMMUNAL_SMTP_HOST", "mail.example.uz", "EKOMMUNAL_SMS_URL", "https://sms.example.uz/send",
                "EKOMMUNAL_MQTT_USER", "gateway", "EKOMMUNAL_BILLING_SHARD_SIZE", "700",
                "EKOMMUNAL_COAP_MAX_PAYLOAD_BYTES", "4096", "EKOMMUNAL_PAYMENT_MAX_AMOUNT", "5000"));

        GatewaySettings gateway = GatewaySettings.from(config);
        assertThat(gateway.ingest().spoolFile()).isEqualTo(dir.resolve("spool").resolve("readings.spool"));
        assertThat(gateway.coap().maxPayloadBytes()).isEqualTo(4096);
        assertThat(gateway.brokerLogin().user()).isEqualTo("gateway");
        assertThat(gateway.modbus().owner()).isNotBlank();
        assertThat(BillingSettings.from(config).shardSize()).isEqualTo(700);
        assertThat(BillingSettings.nodeId(config)).isNotBlank();
        assertThat(AppealsSettings.from(config).filesDirectory()).isEqualTo(dir.resolve("appeal-files"));
        assertThat(SmtpSettings.from(config).host()).isEqualTo("mail.example.uz");
        assertThat(PaymentHooks.Config.from(config).maxTiyin()).isEqualTo(500_000L);
        HouseholdApiSettings household = HouseholdApiSettings.from(config, dir.resolve("jwt-secret"));
        assertThat(household.smsGateway().url()).hasToString("https://sms.example.uz/send");
        assertThat(Files.exists(dir.resolve("jwt-secret"))).isTrue();
    }

    @Test
    void aModuleKeyLeftOutOfTheListIsRefusedRatherThanIgnored() {
        Config withoutBilling = Config.load(List.of(Settings.HTTP_PORT), Map.of("EKOMMUNAL_BILLING_SHARD_SIZE", "7"));

        assertThatThrownBy(() -> BillingSettings.from(withoutBilling)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EKOMMUNAL_BILLING_SHARD_SIZE");
    }

    @Test
    void eachDefaultIsWrittenOnceInItsKey() {
        Config loaded = Settings.load(Map.of());
        Config defaults = Config.defaults();

        assertThat(BillingSettings.from(defaults)).isEqualTo(BillingSettings.from(loaded))
                .isEqualTo(BillingSettings.of(5000, 2, "0 0 * * * ?"));
        assertThat(CoapSettings.from(defaults)).isEqualTo(CoapSettings.from(loaded));
        assertThat(CoapSettings.from(loaded).maxPayloadBytes()).isEqualTo(65_536)
                .isEqualTo(CoapSettings.ephemeral("127.0.0.1").maxPayloadBytes());
        assertThat(MqttDoorSettings.defaults()).isEqualTo(MqttDoorSettings.from(loaded));
        assertThat(MqttDoorSettings.defaults().maxInflight()).isEqualTo(1000);
        assertThat(HttpLimits.DEFAULTS).isEqualTo(HttpLimits.from(loaded));
        assertThat(HttpLimits.DEFAULTS.requestTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(SmsBudget.Limits.DEFAULTS).isEqualTo(SmsBudget.Limits.from(loaded))
                .isEqualTo(new SmsBudget.Limits(2000, 500));
        AppealsSettings appeals = AppealsSettings.from(loaded);
        assertThat(AppealsSettings.defaults(appeals.filesDirectory(), Set.of())).isEqualTo(appeals);
        assertThat(appeals.maxVideoBytes()).isEqualTo(50 * AppealsSettings.MB);
    }
}

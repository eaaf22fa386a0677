package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.auth.oneid.OneIdSettings;
import uz.ekommunal.api.notify.SmsBudget;
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.gateway.GatewaySettings;
import uz.ekommunal.gateway.coap.CoapSettings;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.ConfigException;
import uz.ekommunal.platform.config.Setting;

class ConfigTest {

    @Test
    void defaultsNeedNoEnvironment() {
        Config config = Settings.load(Map.of());

        assertThat(config.get(Settings.HTTP_PORT)).isEqualTo(8080);
        assertThat(config.get(CoapSettings.COAP_PORT)).isEqualTo(5683);
        assertThat(config.get(Settings.DB_URL)).isNull();
        assertThat(config.get(GatewaySettings.MQTT_URL)).isNull();
    }

    @Test
    void environmentOverridesDefaults() {
        Config config = Settings.load(Map.of("EKOMMUNAL_HTTP_PORT", "9090",
                "EKOMMUNAL_DB_URL", "jdbc:postgresql://db:5432/ek", "EKOMMUNAL_MQTT_URL", "tcp://broker:1883"));

        assertThat(config.get(Settings.HTTP_PORT)).isEqualTo(9090);
        assertThat(config.get(Settings.DB_URL)).isEqualTo("jdbc:postgresql://db:5432/ek");
        assertThat(config.get(GatewaySettings.MQTT_URL)).isEqualTo("tcp://broker:1883");
    }

    @Test
    void everyInvalidValueIsReportedWithItsKey() {
        assertThatThrownBy(() -> Settings.load(Map.of("EKOMMUNAL_HTTP_PORT", "80000", "EKOMMUNAL_COAP_PORT", "x",
                "EKOMMUNAL_DB_URL", "mysql://db", "EKOMMUNAL_MQTT_URL", "http://broker")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("EKOMMUNAL_HTTP_PORT='80000'")
                .hasMessageContaining("EKOMMUNAL_COAP_PORT='x'")
                .hasMessageContaining("EKOMMUNAL_DB_URL='mysql://db'")
                .hasMessageContaining("EKOMMUNAL_MQTT_URL='http://broker'");
    }

    @Test
    void everyKeyHasAUniqueNameADescriptionAndAValidDefault() {
        var names = new HashSet<String>();
        for (Setting<?> setting : Settings.ALL) {
            assertThat(names.add(setting.name())).as(setting.name()).isTrue();
            assertThat(setting.name()).startsWith("EKOMMUNAL_");
            assertThat(setting.description()).isNotBlank();
        }
        assertThat(Settings.load(Map.of()).describe()).contains("EKOMMUNAL_DB_PASSWORD").doesNotContain("null");
    }

    @Test
    void passwordsKeysAndSecretsAreNotPrinted() {
        String listing = Settings.load(Map.of("EKOMMUNAL_DB_PASSWORD", "s3cret", "EKOMMUNAL_PAYME_KEY", "cashbox-key",
                "EKOMMUNAL_OPEN311_API_KEYS", "k1,k2", "EKOMMUNAL_JWT_SECRET",
                "a-test-secret-of-at-least-thirty-two-characters", "EKOMMUNAL_ONEID_CLIENT_SECRET",
                "oneid-client-secret")).describe();
        assertThat(listing).doesNotContain("s3cret", "cashbox-key", "k1,k2", "thirty-two", "oneid-client-secret");
    }

    @Test
    void everyKeyIsInTheReadmesConfigurationTable() throws Exception {
        Path readme = Path.of("..", "README.md");
        String table = Files.readAllLines(readme).stream().filter(line -> line.startsWith("| `EKOMMUNAL_"))
                .collect(Collectors.joining("\n"));
        for (Setting<?> setting : Settings.ALL) {
            assertThat(table).as(setting.name()).contains("| `" + setting.name() + "` |");
        }
    }

    @Test
    void theSignInReserveMustLeaveRoomInTheSmsBudget() {
        assertThat(SmsBudget.Limits.from(Settings.load(Map.of())).perHour()).isEqualTo(2000);
        assertThatThrownBy(() -> SmsBudget.Limits.from(Settings.load(Map.of("EKOMMUNAL_SMS_PER_HOUR", "100",
                "EKOMMUNAL_SMS_SIGN_IN_RESERVE", "100"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("EKOMMUNAL_SMS_SIGN_IN_RESERVE='100'")
                .hasMessageContaining("EKOMMUNAL_SMS_PER_HOUR='100'");
    }

    @Test
    void oneIdIsOffWithoutAnIssuerAndAnIssuerNeedsTheRest() {
        assertThat(OneIdSettings.from(Settings.load(Map.of()))).isNull();
        assertThatThrownBy(() -> OneIdSettings.from(Settings.load(Map.of(
                "EKOMMUNAL_ONEID_ISSUER", "https://id.example.uz", "EKOMMUNAL_ONEID_CLIENT_ID", "ekommunal"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("EKOMMUNAL_ONEID_CLIENT_SECRET")
                .hasMessageContaining("EKOMMUNAL_ONEID_REDIRECT_URI")
                .message().doesNotContain("EKOMMUNAL_ONEID_CLIENT_ID,");
        var oneId = OneIdSettings.from(Settings.load(Map.of("EKOMMUNAL_ONEID_ISSUER", "https://id.example.uz",
                "EKOMMUNAL_ONEID_CLIENT_ID", "ekommunal", "EKOMMUNAL_ONEID_CLIENT_SECRET", "oneid-client-secret",
                "EKOMMUNAL_ONEID_REDIRECT_URI", "https://ekommunal.example.uz/api/v1/auth/oneid/callback")));
        assertThat(oneId.discoveryUri()).hasToString("https://id.example.uz/.well-known/openid-configuration");
        assertThat(oneId.toString()).doesNotContain("oneid-client-secret");
        assertThatThrownBy(() -> Settings.load(Map.of("EKOMMUNAL_ONEID_ISSUER", "id.example.uz")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("EKOMMUNAL_ONEID_ISSUER='id.example.uz'");
    }
}

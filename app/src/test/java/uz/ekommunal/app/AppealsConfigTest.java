package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.HouseholdApiSettings;
import uz.ekommunal.api.appeals.AppealsSettings;
import uz.ekommunal.api.notify.Channel;
import uz.ekommunal.api.notify.LogDelivery;
import uz.ekommunal.api.notify.SmtpDelivery;
import uz.ekommunal.api.notify.SmtpSettings;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.ConfigException;
import uz.ekommunal.app.config.Settings;

/** The appeals' settings of issue 19: defaults, e-mail through SMTP only when a host is set, bad values refused. */
class AppealsConfigTest {

    private static final HouseholdApiSettings HOUSEHOLD = HouseholdApiSettings.defaults(
            "config-test-key-config-test-key-!!".getBytes(StandardCharsets.UTF_8), null, null);

    @Test
    void defaultsKeepAppealsPrivateAndLimitForwards() {
        Config config = Settings.load(Map.of());
        assertThat(config.get(AppealsSettings.APPEAL_FORWARD_LIMIT)).isEqualTo(3);
        assertThat(config.get(AppealsSettings.OPEN311_ALLOW_ANONYMOUS)).isFalse();
        assertThat(config.get(SmtpSettings.SMTP_HOST)).isNull();
        assertThat(config.get(SmtpSettings.SMTP_PORT)).isEqualTo(25);
    }

    @Test
    void eMailGoesThroughSmtpOnlyWhenAHostIsSet() {
        assertThat(ApiRole.deliveryAdapters(Settings.load(Map.of()), HOUSEHOLD).get(Channel.EMAIL))
                .isInstanceOf(LogDelivery.class);
        assertThat(ApiRole.deliveryAdapters(Settings.load(Map.of("EKOMMUNAL_SMTP_HOST", "mail.example.uz",
                "EKOMMUNAL_SMTP_PORT", "587", "EKOMMUNAL_SMTP_STARTTLS", "true")), HOUSEHOLD).get(Channel.EMAIL))
                .isInstanceOf(SmtpDelivery.class);
    }

    @Test
    void badValuesStopTheStartWithTheirNames() {
        assertThatThrownBy(() -> Settings.load(Map.of("EKOMMUNAL_APPEAL_FORWARD_LIMIT", "0",
                "EKOMMUNAL_OPEN311_ALLOW_ANONYMOUS", "yes", "EKOMMUNAL_SMTP_STARTTLS", "maybe")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("EKOMMUNAL_APPEAL_FORWARD_LIMIT")
                .hasMessageContaining("EKOMMUNAL_OPEN311_ALLOW_ANONYMOUS")
                .hasMessageContaining("EKOMMUNAL_SMTP_STARTTLS");
    }
}

package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.testing.Eventually;

/**
 * The operators' verification and leaks page in a real browser against the whole system: a gas
 * meter past its verification date and a water meter due within its notice days are listed with
 * their status in the reader's language, a leak alert beside them; recording the gas meter's
 * verification takes it off the list and is audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeterAlertsPageIT {

    private static final String ADMIN = "+998900000088";
    private static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");
    private static RunningSystem system;
    private HeadlessChromium browser;

    @BeforeAll
    void start() throws Exception {
        assertThat(HeadlessChromium.installed()).as("needs Debian's chromium and chromium-driver").isTrue();
        system = new RunningSystem(ADMIN);
        browser = new HeadlessChromium(system.dataDir.resolve("chromium-profile"),
                Path.of("target", "screenshots", "meter-alerts-page").toAbsolutePath());
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void overdueAndDueMetersAndLeaksAreListedAndAVerificationIsRecorded() throws Exception {
        system.assertSecurityHeaders("/operator/alerts.html");
        ZonedDateTime now = ZonedDateTime.now(TASHKENT);
        var meters = system.app.gateway().meters();
        meters.register(new NewMeter("G9990001", "gas", "mqtt", null, 8, BigDecimal.ONE, null,
                now.minusYears(5).minusDays(3).toInstant())); // gas: every 60 months, 3 days overdue
        meters.register(new NewMeter("W9990001", "cold_water", "mqtt", null, 8, BigDecimal.ONE, null,
                now.minusYears(6).plusDays(10).toInstant())); // cold water: 72 months, due in 10 days
        system.sql("""
                insert into gateway.leak_alerts (meter_id, kind, started_at, detected_at, detail)
                select id, 'CONTINUOUS_FLOW', ?, ?, 'flow above 0.005 every hour for 26 hours'
                from gateway.meters where serial = 'W9990001'""",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(26))), java.sql.Timestamp.from(Instant.now()));

        signIn(ADMIN);
        browser.navigate().to(system.base() + "/operator/alerts.html");
        browser.find("[data-lang=en]").click();
        By gas = By.cssSelector("#verification-rows tr[data-serial='G9990001']");
        browser.until(visibilityOfElementLocated(gas));
        assertThat(browser.find("#verification-rows tr[data-serial='G9990001'] .status").getText()).isEqualTo("Overdue");
        assertThat(browser.find("#verification-rows tr[data-serial='W9990001'] .status").getText()).isEqualTo("Due soon");
        assertThat(browser.find("#leak-rows tr[data-serial='W9990001'] .kind").getText()).isEqualTo("Flow never stops");
        browser.find("[data-lang=ru]").click();
        browser.until(d -> browser.find("#verification-rows tr[data-serial='G9990001'] .status").getText()
                .equals("Просрочен"));
        browser.find("[data-lang=uz]").click();
        browser.until(d -> browser.find("#leak-rows tr[data-serial='W9990001'] .kind").getText()
                .equals("Sarf toʻxtamaydi"));
        browser.screenshot("listed");

        browser.find("[data-lang=en]").click();
        browser.find("#verify-serial").sendKeys("G9990001");
        String today = LocalDate.now(TASHKENT).toString();
        browser.script("document.getElementById('verify-day').value = '" + today + "'");
        browser.find("#verify").click();
        browser.until(d -> browser.find("#verify-form .form-done").isDisplayed());
        assertThat(browser.find("#verify-form .form-done").getText()).startsWith("Recorded: G9990001");
        browser.until(d -> browser.driver.findElements(gas).isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector("#verification-rows tr[data-serial='W9990001']")))
                .hasSize(1);
        assertThat(system.auditActions("meter:G9990001")).anyMatch(a -> a.startsWith("meter.verification.record"));
        browser.screenshot("recorded");
    }

    @Test
    void aHouseholdSeesItsMetersDueDatesAndTurnsAnSmsOff() throws Exception {
        String phone = "+998901230088";
        String token = token(phone);
        HttpResponse<String> linked = system.post("/api/v1/me/accounts", token, new JsonObject()
                .put("utility", "electricity").put("number", "1000001").put("code", system.app.linkCodeOf("1000001"))
                .encode());
        assertThat(linked.statusCode()).isEqualTo(201);
        system.assertSecurityHeaders("/notices.html");

        signIn(phone);
        browser.navigate().to(system.base() + "/notices.html");
        browser.find("[data-lang=en]").click();
        By rows = By.cssSelector("#verifications tr");
        browser.until(d -> !browser.driver.findElements(rows).isEmpty());
        assertThat(browser.find("#verifications tr .status").getText()).isEqualTo("Valid");
        assertThat(browser.find("#verifications tr .when").getText()).isNotBlank();
        browser.until(d -> browser.find("#prefs input[name=paymentCredited]").isSelected());
        browser.find("[data-lang=ru]").click();
        browser.until(d -> browser.find("#verifications tr .status").getText().equals("Действует"));
        browser.find("#prefs input[name=paymentCredited]").click();
        browser.until(d -> browser.find("#prefs .form-done").isDisplayed());
        assertThat(browser.find("#prefs .form-done").getText()).isEqualTo("Сохранено");
        browser.screenshot("household-ru");
        JsonObject prefs = new JsonObject(system.get("/api/v1/me/notices/preferences", token).body());
        assertThat(prefs.getBoolean("paymentCredited")).isFalse();
        assertThat(prefs.getBoolean("billIssued")).isTrue();
    }

    private static String token(String phone) throws Exception {
        int seen = system.smsCount();
        assertThat(system.post("/api/v1/auth/otp", null, new JsonObject().put("phone", phone).encode()).statusCode())
                .isEqualTo(202);
        String code = Eventually.await(Duration.ofSeconds(20), () -> system.codeSince(seen, phone), c -> c != null);
        HttpResponse<String> verified = system.post("/api/v1/auth/otp/verify", null,
                new JsonObject().put("phone", phone).put("code", code).encode());
        assertThat(verified.statusCode()).isEqualTo(200);
        return new JsonObject(verified.body()).getString("accessToken");
    }

    private void signIn(String phone) throws Exception {
        browser.navigate().to(system.base() + "/");
        browser.script("sessionStorage.clear(); localStorage.removeItem('ek.session')");
        browser.navigate().refresh();
        browser.until(visibilityOfElementLocated(By.id("phone")));
        int seen = system.smsCount();
        browser.find("#phone").sendKeys(phone);
        browser.find("#send-code").click();
        browser.until(visibilityOfElementLocated(By.id("code")));
        String code = Eventually.await(Duration.ofSeconds(15), () -> system.codeSince(seen, phone), Objects::nonNull);
        browser.find("#code").sendKeys(code);
        browser.find("#verify").click();
        browser.until(visibilityOfElementLocated(By.id("home")));
    }
}

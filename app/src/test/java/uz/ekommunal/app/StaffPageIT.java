package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.testing.Eventually;

/**
 * The administrators' staff page in a real browser against the whole system: a role granted and
 * revoked (checked in the database and the audit log), an unknown user shown next to its field,
 * and a day off added and removed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffPageIT {

    private static final String ADMIN = "+998900000071";
    private static final String HOUSEHOLD = "+998901110071";
    private RunningSystem system;
    private HeadlessChromium browser;

    @BeforeAll
    void start() throws Exception {
        assertThat(HeadlessChromium.installed()).as("needs Debian's chromium and chromium-driver").isTrue();
        system = new RunningSystem(ADMIN);
        browser = new HeadlessChromium(system.dataDir.resolve("chromium-profile"),
                Path.of("target", "screenshots", "staff-page").toAbsolutePath());
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
    void anAdministratorGrantsAndRevokesARoleAndManagesDaysOff() throws Exception {
        system.assertSecurityHeaders("/operator/staff.html");
        long user = system.household(HOUSEHOLD);
        signIn(ADMIN);
        browser.navigate().to(system.base() + "/operator/staff.html");
        browser.until(visibilityOfElementLocated(By.id("role-form")));
        browser.find("[data-lang=en]").click();
        browser.until(d -> browser.find("#desk h1").getText().equals("Staff and days off"));
        browser.until(d -> !browser.driver.findElements(By.cssSelector("#r-org option")).isEmpty());

        // an unknown user: the problem stands next to the user field
        fill("#r-user", "987654");
        browser.find("#r-grant").click();
        WebElement error = browser.until(visibilityOfElementLocated(
                By.cssSelector("#role-form .field-error[data-for='userId']")));
        assertThat(error.getText()).startsWith("User not found");

        fill("#r-user", Long.toString(user));
        new Select(browser.find("#r-role")).selectByValue("complaints_officer");
        // organisations are named in the language the page had when it listed them
        String suvsoz = browser.driver.findElements(By.cssSelector("#r-org option")).stream()
                .filter(o -> o.getText().startsWith("Suvsoz")).findFirst().orElseThrow().getAttribute("value");
        new Select(browser.find("#r-org")).selectByValue(suvsoz);
        browser.find("#r-grant").click();
        assertThat(done("role-form")).startsWith("Role granted: complaints officer");
        assertThat(system.role(user)).isEqualTo(Role.COMPLAINTS_OFFICER);
        browser.screenshot("granted");

        browser.find("#r-revoke").click();
        assertThat(Eventually.await(Duration.ofSeconds(15), () -> done("role-form"),
                t -> t.startsWith("Role revoked"))).contains("household");
        assertThat(system.role(user)).isEqualTo(Role.HOUSEHOLD);
        String token = (String) browser.script(
                "return JSON.parse(localStorage.getItem('ek.session')).accessToken");
        HttpResponse<String> audit = system.get("/api/v1/admin/audit?target=user:" + user, token);
        assertThat(new JsonObject(audit.body()).getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("action"))).containsExactly("role.revoke", "role.grant");

        browser.script("document.querySelector('#h-day').value = '2026-12-30'");
        fill("#h-name", "Transferred day off");
        browser.find("#h-add").click();
        assertThat(done("holiday-form")).startsWith("Added.");
        browser.find("#h-remove").click();
        assertThat(Eventually.await(Duration.ofSeconds(15), () -> done("holiday-form"),
                t -> t.startsWith("Removed."))).isNotBlank();
        browser.find("#h-remove").click();
        browser.until(d -> browser.find("#holiday-form .form-error").isDisplayed()
                || !browser.driver.findElements(By.cssSelector("#holiday-form .field-error")).isEmpty());
        browser.screenshot("holidays");

        // the demo electricity network serves the Tashkent region too: added on the page, then removed
        fill("#a-code", "NOPE-PROVIDER");
        browser.find("#a-add").click();
        assertThat(browser.until(visibilityOfElementLocated(
                By.cssSelector("#areas-form .field-error[data-for='code']"))).getText()).isEqualTo("No such provider");
        fill("#a-code", "DEMO-RES");
        new Select(browser.find("#a-region")).selectByValue("TASHKENT_REGION");
        browser.find("#a-add").click();
        assertThat(done("areas-form")).isEqualTo("Areas saved: 2");
        assertThat(browser.find("#areas-list li[data-region='TASHKENT_REGION']").getText())
                .isEqualTo("TASHKENT_REGION · whole region");
        HttpResponse<String> providers = system.get("/api/v1/admin/providers", token);
        JsonObject res = new JsonObject(providers.body()).getJsonArray("items").stream().map(o -> (JsonObject) o)
                .filter(p -> p.getString("code").equals("DEMO-RES")).findFirst().orElseThrow();
        assertThat(res.getJsonArray("areas")).hasSize(2);
        assertThat(res.getJsonObject("requisites").getString("name")).as("the requisites stay").isNotBlank();
        browser.screenshot("areas");
        browser.find("#a-remove").click();
        assertThat(Eventually.await(Duration.ofSeconds(15), () -> done("areas-form"),
                t -> t.equals("Areas saved: 1"))).isNotBlank();
        HttpResponse<String> trail = system.get("/api/v1/admin/audit?target=provider:DEMO-RES", token);
        assertThat(new JsonObject(trail.body()).getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("action"))).containsExactly("provider.change", "provider.change");
    }

    private void signIn(String phone) throws Exception {
        browser.navigate().to(system.base() + "/");
        browser.script("localStorage.clear()");
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

    private void fill(String css, String text) {
        WebElement input = browser.find(css);
        input.clear();
        input.sendKeys(text);
    }

    private String done(String form) {
        WebElement box = browser.find("#" + form + " .form-done");
        return browser.until(d -> box.isDisplayed() && !box.getText().isBlank() ? box.getText() : null);
    }
}

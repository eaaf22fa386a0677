package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
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
import uz.ekommunal.testing.Eventually;

/**
 * The operators' accounts page in headless Chromium: an operator of the demo electricity network (RES)
 * opens an account, changes its holder, records a bigger family from a day, confirms its services from a
 * day, closes it and sees its
 * history, once at a desk's 1366 px and once on a 360 px phone. Another provider's account is not
 * found. What the page shows is checked against what the API and the audit log hold. Screenshots go
 * to {@code target/screenshots/accounts-page}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsPageIT {

    private static final String OPERATOR = "+998901110001";
    private static final String ADMIN = "+998900000001";
    private RunningSystem system;
    private HeadlessChromium browser;

    @BeforeAll
    void start() throws Exception {
        assertThat(HeadlessChromium.installed()).as("needs Debian's chromium and chromium-driver (.ci/run installs them)")
                .isTrue();
        system = new RunningSystem(ADMIN);
        system.makeOperator(OPERATOR, "DEMO-RES");
    }

    @AfterAll
    void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void atADeskAnOperatorOpensChangesAndClosesAnAccount() throws Exception {
        try (HeadlessChromium desk = browser(1366, 768)) {
            browser = desk;
            journey(1366, "7770001");
            Number listRight = (Number) browser.script(
                    "return document.querySelector('.columns > .list').getBoundingClientRect().right;");
            Number formsLeft = (Number) browser.script(
                    "return document.getElementById('open-form').getBoundingClientRect().left;");
            assertThat(formsLeft.doubleValue()).as("the forms beside the account").isGreaterThan(listRight.doubleValue());
        }
    }

    @Test
    void onA360PixelPhoneTheSameJourneyFits() throws Exception {
        try (HeadlessChromium phone = browser(360, 740)) {
            browser = phone;
            journey(360, "7770002");
        }
    }

    private HeadlessChromium browser(int width, int height) throws Exception {
        return new HeadlessChromium(system.dataDir.resolve("chromium-" + width),
                Path.of("target", "screenshots", "accounts-page", width + "px").toAbsolutePath(), width, height);
    }

    private void journey(int width, String number) throws Exception {
        system.assertSecurityHeaders("/operator/accounts.html");
        system.assertSecurityHeaders("/operator/accounts.js");
        signIn(OPERATOR);
        browser.find("#to-desk-accounts").click();
        browser.until(textToBe(By.cssSelector("#desk h1"), "Shaxsiy hisoblar"));
        assertFits(width, "the empty page");

        // Another provider's account: not among the operator's.
        String gas = system.numberOnlyOf("DEMO-GAS", "DEMO-RES");
        fill("#find-number", gas);
        browser.find("#find").click();
        browser.until(visibilityOfElementLocated(By.id("found-empty")));
        assertThat(browser.driver.findElements(By.cssSelector("#found tr"))).isEmpty();

        // Open: a number of the wrong length is refused under the number, the right one opens.
        fill("#o-number", "12345");
        fill("#o-holder", "Aziz Rahimov");
        fill("#o-address", "Yunusobod 4-12");
        setValue("#o-opened", "2026-01-01");
        fill("#o-residents", "3");
        browser.find("#o-submit").click();
        assertThat(fieldError("open-form", "number").getText()).startsWith("Hisob raqami noto‘g‘ri");
        browser.screenshot("open-error");
        fill("#o-number", number);
        browser.find("#o-submit").click();
        assertThat(done("open-form")).isEqualTo("Ochildi: " + number);
        waitForHistory(number, 1, 1);
        assertThat(browser.find("#acc-holder").getText()).isEqualTo("Aziz Rahimov");
        browser.screenshot("opened");

        // The holder changes from 1 February.
        setValue("#h-from", "2026-02-01");
        fill("#h-holder", "Dilnoza Rahimova");
        fill("#h-address", "Yunusobod 4-12");
        browser.find("#h-submit").click();
        assertThat(done("holder-form")).isEqualTo("Egasi saqlandi: Dilnoza Rahimova · 01.02.2026");
        waitForHistory(number, 2, 1);
        assertThat(browser.find("#acc-holder").getText()).isEqualTo("Dilnoza Rahimova");

        // The family grows to 5 from 1 March: a negative count is refused first.
        setValue("#f-from", "2026-03-01");
        fill("#f-residents", "-1");
        browser.find("#f-submit").click();
        assertThat(fieldError("facts-form", "residents").getText()).startsWith("Noto‘g‘ri qiymat");
        fill("#f-residents", "5");
        browser.find("#f-needy").click();
        browser.find("#f-submit").click();
        assertThat(done("facts-form")).isEqualTo("Ma’lumotlar saqlandi: 5 · 01.03.2026");
        waitForHistory(number, 2, 2);
        assertThat(browser.find("#facts tr[data-from='2026-03-01'] td.residents").getText()).isEqualTo("5");
        assertThat(browser.find("#facts tr[data-from='2026-03-01']").getText()).contains("Kam ta’minlangan oila");
        assertThat(browser.find("#facts tr[data-from='2026-01-01'] td.residents").getText()).isEqualTo("3");
        assertFits(width, "the account with its history");
        browser.screenshot("facts");

        // The services: electricity since the opening day and still billed; confirmed from 1 March
        // (a day before the opening is refused under the day).
        browser.until(d -> d.findElements(By.cssSelector("#services tr[data-utility='electricity']")).size() == 1
                ? true : null);
        assertThat(browser.find("#services tr[data-utility='electricity'] td.until").getText()).isEqualTo("hozir ham");
        assertThat(browser.find("#s-electricity").isSelected()).isTrue();
        setValue("#s-from", "2025-12-31");
        browser.find("#s-submit").click();
        assertThat(fieldError("services-form", "validFrom").getText()).startsWith("Noto‘g‘ri qiymat");
        setValue("#s-from", "2026-03-01");
        browser.find("#s-submit").click();
        assertThat(done("services-form")).isEqualTo("Xizmatlar saqlandi · 01.03.2026");
        browser.screenshot("services");

        // Close on 1 April: the changes' forms go, the history stays.
        setValue("#c-on", "2026-04-01");
        browser.find("#c-submit").click();
        assertThat(done("close-form")).isEqualTo("Yopildi: " + number + " · 01.04.2026");
        browser.until(visibilityOfElementLocated(By.id("acc-closed")));
        assertThat(browser.find("#acc-closed").getText()).isEqualTo("Yopilgan: 01.04.2026");
        assertThat(browser.find("#holder-form").isDisplayed()).isFalse();
        assertThat(browser.find("#facts-form").isDisplayed()).isFalse();
        browser.screenshot("closed");

        // Looked up again by its number.
        fill("#find-number", number);
        browser.find("#find").click();
        browser.until(visibilityOfElementLocated(By.cssSelector("#found tr")));
        assertThat(browser.find("#found tr").getText()).contains(number, "Dilnoza Rahimova");
        assertFits(width, "the found account");
        browser.screenshot("found");

        JsonObject history = history(number);
        assertThat(history.getString("closedOn")).isEqualTo("2026-04-01");
        assertThat(history.getJsonArray("holders")).hasSize(2);
        assertThat(history.getJsonArray("facts").getJsonObject(1).getInteger("residents")).isEqualTo(5);
        assertThat(history.getJsonArray("facts").getJsonObject(1).getBoolean("needyFamily")).isTrue();
        assertThat(system.auditActions("account:" + number)).containsExactly("account.open by OPERATOR",
                "account.holder.change by OPERATOR", "account.facts.change by OPERATOR", "account.services.change by OPERATOR",
                "account.close by OPERATOR");
    }

    // ---- page helpers ----

    private void waitForHistory(String number, int holders, int facts) {
        browser.until(d -> browser.find("#acc-number").getText().equals(number)
                && d.findElements(By.cssSelector("#holders tr")).size() == holders
                && d.findElements(By.cssSelector("#facts tr")).size() == facts ? true : null);
    }

    private JsonObject history(String number) throws Exception {
        String token = (String) browser.script("return JSON.parse(localStorage.getItem('ek.session')).accessToken");
        HttpResponse<String> found = system.get("/api/v1/operator/accounts?number=" + number, token);
        long id = new JsonObject(found.body()).getJsonArray("items").getJsonObject(0).getLong("id");
        HttpResponse<String> history = system.get("/api/v1/operator/accounts/" + id + "/history", token);
        assertThat(history.statusCode()).isEqualTo(200);
        return new JsonObject(history.body());
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
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    /** Date inputs: typing follows the browser's locale, the value is always ISO. */
    private void setValue(String css, String value) {
        browser.script("document.querySelector(arguments[0]).value = arguments[1]", css, value);
    }

    private WebElement fieldError(String form, String field) {
        WebElement error = browser.until(visibilityOfElementLocated(
                By.cssSelector("#" + form + " .field-error[data-for='" + field + "']")));
        WebElement input = browser.find("#" + form + " [aria-describedby='" + error.getAttribute("id") + "']");
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        return error;
    }

    /** The form's success message, once shown (each submit clears the previous one first). */
    private String done(String form) {
        WebElement box = browser.find("#" + form + " .form-done");
        return browser.until(d -> box.isDisplayed() && !box.getText().isBlank() ? box.getText() : null);
    }

    private void assertFits(int width, String what) {
        long[] widths = browser.widths();
        assertThat(widths[1]).isEqualTo(width);
        assertThat(widths[0]).as(what + ": content width within the viewport").isLessThanOrEqualTo(widths[1]);
    }
}

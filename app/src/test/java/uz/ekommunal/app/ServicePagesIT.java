package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import uz.ekommunal.testing.Eventually;

/**
 * The interactive services' pages in a real browser against the whole system: the public repair
 * estimate on a 360 px phone (figures as a calculator gives them, in the reader's language, a PDF
 * link, nothing wider than the screen), and a household answering a survey once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServicePagesIT {

    private static final String ADMIN = "+998900000091";
    private static final String HOUSEHOLD = "+998901110091";
    private RunningSystem system;
    private HeadlessChromium browser;

    @BeforeAll
    void start() throws Exception {
        assertThat(HeadlessChromium.installed()).as("needs Debian's chromium and chromium-driver").isTrue();
        system = new RunningSystem(ADMIN);
        browser = new HeadlessChromium(system.dataDir.resolve("chromium-profile"),
                Path.of("target", "screenshots", "service-pages").toAbsolutePath(), 360, 740);
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
    void aPersonPricesRepairsOnAPhoneWithoutSigningIn() throws Exception {
        system.assertSecurityHeaders("/estimates.html");
        browser.navigate().to(system.base() + "/estimates.html");
        browser.find("[data-lang=en]").click();
        browser.until(visibilityOfElementLocated(By.cssSelector("#est-list li[data-item=PLASTERING] input")));
        browser.find("#est-list li[data-item=PLASTERING] input").sendKeys("12.5");
        browser.find("#est-list li[data-item=PAINTING] input").sendKeys("40.333");
        browser.find("#est-go").click();
        browser.until(visibilityOfElementLocated(By.id("est-result")));
        browser.until(d -> !browser.find("#est-total").getText().isEmpty());
        // 12.5 × 83 000 + 40.333 × 36 500 = 2 509 654.50; VAT 12 % = 301 158.54
        assertThat(browser.find("#est-subtotal").getText()).isEqualTo("2,509,654.50 UZS");
        assertThat(browser.find("#est-vat").getText()).isEqualTo("301,158.54 UZS");
        assertThat(browser.find("#est-total").getText()).isEqualTo("2,810,813.04 UZS");
        assertThat(browser.find("#est-rounding").getText()).contains("rounded to the tiyin half up");
        long[] widths = browser.widths();
        assertThat(widths[0]).as("nothing wider than a 360 px screen").isLessThanOrEqualTo(widths[1]);
        browser.screenshot("estimate-en");

        browser.find("[data-lang=ru]").click();
        // WebDriver reads the page's no-break spaces (Russian digit groups) as plain spaces
        browser.until(d -> browser.find("#est-total").getText().replace('\u00a0', ' ').equals("2 810 813,04 сум"));
        assertThat(browser.find("#est-lines li[data-item=PLASTERING]").getText()).contains("Штукатурка стен");
        String pdf = browser.find("#est-pdf").getAttribute("href");
        assertThat(pdf).contains("line=PLASTERING%3A12.5", "lang=ru");
        HttpResponse<String> printed = system.get(pdf.substring(system.base().length()), "none");
        assertThat(printed.statusCode()).isEqualTo(200);
        assertThat(printed.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("estimate-ru");
    }

    @Test
    void aHouseholdAnswersASurveyOnce() throws Exception {
        system.assertSecurityHeaders("/surveys.html");
        String admin = signIn(ADMIN);
        Instant now = Instant.now();
        JsonObject survey = new JsonObject().put("title", "Water pressure in your block")
                .put("opensAt", now.minus(Duration.ofHours(1)).toString())
                .put("closesAt", now.plus(Duration.ofDays(3)).toString())
                .put("questions", new JsonArray()
                        .add(new JsonObject().put("kind", "SINGLE").put("text", "Is the pressure enough?")
                                .put("options", new JsonArray().add("Yes").add("No")))
                        .add(new JsonObject().put("kind", "MULTIPLE").put("text", "When is it low?")
                                .put("options", new JsonArray().add("Morning").add("Evening").add("Night")))
                        .add(new JsonObject().put("kind", "TEXT").put("text", "Anything else?").put("required", false)));
        HttpResponse<String> published = system.post("/api/v1/surveys", admin, survey.encode());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        long id = new JsonObject(published.body()).getLong("id");

        // the administrators' catalogue page lists the seeded rates
        system.assertSecurityHeaders("/operator/estimates.html");
        browser.navigate().to(system.base() + "/operator/estimates.html");
        browser.find("[data-lang=en]").click();
        browser.until(visibilityOfElementLocated(By.cssSelector("#rate-rows tr[data-item=TILING][data-region=NAVOI]")));
        assertThat(browser.find("#rate-item").getText()).contains("Tiling");

        signIn(HOUSEHOLD);
        browser.navigate().to(system.base() + "/surveys.html");
        browser.find("[data-lang=en]").click();
        String card = "#sv-list li[data-survey='" + id + "'] ";
        browser.until(visibilityOfElementLocated(By.cssSelector(card + "form")));
        browser.find(card + "fieldset[data-question='1'] input[value='1']").click();
        browser.find(card + "fieldset[data-question='2'] input[value='0']").click();
        browser.find(card + "fieldset[data-question='2'] input[value='2']").click();
        browser.find(card + "textarea").sendKeys("Only on the fifth floor");
        browser.screenshot("survey-filled");
        browser.find(card + "button[type=submit]").click();
        browser.until(visibilityOfElementLocated(By.cssSelector(card + ".thanks")));
        assertThat(browser.find(card + ".thanks").getText()).isEqualTo("Thank you! Your answer is counted.");

        JsonObject results = Eventually.await(Duration.ofSeconds(10),
                () -> new JsonObject(system.get("/api/v1/surveys/" + id + "/results", admin).body()),
                r -> r.getInteger("responses", 0) == 1);
        JsonArray questions = results.getJsonArray("questions");
        assertThat(questions.getJsonObject(0).getJsonArray("options").getJsonObject(1).getInteger("count")).isEqualTo(1);
        assertThat(questions.getJsonObject(1).getJsonArray("options").getJsonObject(2).getString("percent"))
                .isEqualTo("100.0");
        assertThat(questions.getJsonObject(2).getJsonArray("texts")).containsExactly("Only on the fifth floor");

        browser.navigate().refresh();
        browser.until(visibilityOfElementLocated(By.cssSelector(card + ".thanks")));
        assertThat(browser.driver.findElements(By.cssSelector(card + "form"))).as("answered once").isEmpty();
        assertThat(browser.widths()[0]).isLessThanOrEqualTo(browser.widths()[1]);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("survey-answered");

        // the export page opens for the signed-in household (no linked account here: nothing to list)
        system.assertSecurityHeaders("/export.html");
        browser.navigate().to(system.base() + "/export.html");
        browser.until(visibilityOfElementLocated(By.id("ex-form")));
        assertThat(browser.find("#ex-signin").isDisplayed()).isFalse();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Signs in through the home page; the session's access token. */
    private String signIn(String phone) throws Exception {
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
        return (String) browser.script(
                "return JSON.parse(localStorage.getItem('ek.session') || sessionStorage.getItem('ek.session')).accessToken");
    }
}

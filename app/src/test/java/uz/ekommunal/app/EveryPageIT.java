package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.testing.Eventually;

/**
 * Every page of the portal in headless Chromium, at a phone's 360 px and a desk's 1366 px, in Uzbek
 * and Russian: the households' page (signed out and with a linked account), appeals, questions, the
 * calculator, the tariff informer, and every operator and administrator page. Each must fit the
 * screen (no sideways scrolling), log no console error, load no asset or API answer with a 4xx/5xx,
 * show no English server words and pass axe-core with no serious or critical violation. Then the
 * journeys no other test walks: an administrator enters a seasonal tariff with the form's rows, adds
 * and removes a day off, and a visitor switches the calculator's language. Screenshots go to
 * {@code target/screenshots/every-page}; with {@code -Dreadme.screenshots=../docs/screenshots} the
 * README's pictures are copied there too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EveryPageIT {

    private static final String ADMIN = "+998900000002";
    private static final String HOUSEHOLD = "+998901110044";
    private static final List<String> DESK_PAGES = List.of("meters", "tariffs", "accounts", "billruns", "unbilled",
            "appeals", "routing", "staff", "cashier", "reports");
    private static final Path SHOTS = Path.of("target", "screenshots", "every-page").toAbsolutePath();

    private RunningSystem system;
    private HeadlessChromium browser;
    private PageChecks checks;

    @BeforeAll
    void start() throws Exception {
        assertThat(HeadlessChromium.installed()).as("needs Debian's chromium and chromium-driver").isTrue();
        system = new RunningSystem(ADMIN);
        browser = new HeadlessChromium(system.dataDir.resolve("chromium"), SHOTS, 360, 740);
        checks = new PageChecks(browser, List.of());
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
    @Order(1)
    void everyPageFitsBothScreensInBothLanguagesWithoutErrors() throws Exception {
        SoftAssertions soft = new SoftAssertions(); // every page's problems at once, not only the first
        for (String lang : List.of("uz", "ru")) {
            signOut();
            page(soft, "/", lang, "#phone", "sign-in");
            page(soft, "/questions.html", lang, null, "questions");
            page(soft, "/calculator.html", lang, "#use-ELECTRICITY", "calculator");
            page(soft, "/embed/tariffs.html?lang=" + lang, lang, null, "embed-tariffs");
        }

        String number = linkedHousehold();
        for (String lang : List.of("uz", "ru")) {
            page(soft, "/", lang, ".card[data-number='" + number + "'] .chart-box svg, .card[data-number='" + number
                    + "'] .chart-box .note", "household");
            page(soft, "/appeals.html", lang, null, "appeals");
        }

        signIn(ADMIN);
        for (String lang : List.of("uz", "ru")) {
            page(soft, "/", lang, "#desk-links", "admin-home");
            for (String desk : DESK_PAGES) {
                page(soft, "/operator/" + desk + ".html", lang, "#desk", desk);
            }
        }
        soft.assertAll();
    }

    @Test
    @Order(2)
    void anAdministratorEntersASeasonalTariffWithTheFormsRows() throws Exception {
        signIn(ADMIN);
        language("uz");
        open("/operator/tariffs.html", PageChecks.DESK);
        browser.until(visibilityOfElementLocated(By.cssSelector("tr[data-id='NATURAL_GAS-2025-05-01']")));
        assertThat(browser.find("tr[data-id='NATURAL_GAS-2025-05-01'] td.blocks").getText())
                .contains("me’yor ichida: 1 000 · qolgani: 1 800", "Qish 01.11–28.02: me’yor 500; qolgan vaqtda: 100");

        // superseding puts the version's prices into the rows, to edit: the norm's block has no limit
        click("button.supersede[data-id='NATURAL_GAS-2025-05-01']");
        assertThat(value("#season-rows .s-from")).isEqualTo("01.11");
        assertThat(value("#season-rows .s-to")).isEqualTo("28.02");
        assertThat(value("#season-rows .s-winter")).isEqualTo("500");
        assertThat(value("#season-rows .s-summer")).isEqualTo("100");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#block-rows .block-row"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).findElement(By.cssSelector(".b-limit")).isEnabled()).isFalse();
        assertThat(rows.get(0).findElement(By.cssSelector(".b-price")).getAttribute("value")).isEqualTo("1000");
        assertThat(rows.get(1).findElement(By.cssSelector(".b-price")).getAttribute("value")).isEqualTo("1800");
        click("#supersede-cancel");

        // a new version for Samarkand: winter from 1 November to 31 March
        fill("#v-id", "NATURAL_GAS-SAMARKAND-2027");
        new Select(browser.find("#v-utility")).selectByValue("NATURAL_GAS");
        new Select(browser.find("#v-meter")).selectByValue("METERED");
        Select regions = new Select(browser.find("#v-regions"));
        regions.deselectAll();
        regions.selectByValue("SAMARKAND");
        browser.script("document.getElementById('v-from').value = '2027-01-01'");
        for (WebElement remove : browser.driver.findElements(By.cssSelector("#season-rows .remove"))) {
            remove.click();
        }
        click("#season-add");
        assertThat(browser.find("#season-add").isDisplayed()).as("one seasonal norm per version").isFalse();
        fill("#season-rows .s-from", "01.11");
        fill("#season-rows .s-to", "31.04");
        fill("#season-rows .s-winter", "500");
        fill("#season-rows .s-summer", "120");
        fill("#block-rows .block-row:nth-child(1) .b-price", "1100,50");
        fill("#block-rows .block-row:nth-child(2) .b-price", "1900");
        click("#v-submit");
        assertThat(fieldError("season").getText()).isEqualTo("Sanani kun.oy ko‘rinishida yozing, masalan 01.11");
        assertThat(browser.find("#season-rows .s-to").getAttribute("aria-invalid")).isEqualTo("true");

        fill("#season-rows .s-to", "31.03");
        click("#v-submit");
        browser.until(d -> browser.find("#version-form .form-done").getText().equals("Qo‘shildi: NATURAL_GAS-SAMARKAND-2027"));
        WebElement added = browser.until(visibilityOfElementLocated(
                By.cssSelector("tr.fresh[data-id='NATURAL_GAS-SAMARKAND-2027']")));
        assertThat(added.getText()).contains("Samarqand", "01.01.2027 – hozirgacha", "me’yor ichida: 1 100,50 · qolgani: 1 900",
                "Qish 01.11–31.03: me’yor 500; qolgan vaqtda: 120");
        JsonObject stored = version("NATURAL_GAS", "NATURAL_GAS-SAMARKAND-2027");
        assertThat(stored.getString("blocks")).isEqualTo("norm:1100.50|*:1900");
        assertThat(stored.getString("season")).isEqualTo("11-01..04-01:500/120");

        // the form as it looks with a seasonal version's rows, for the README
        click("button.supersede[data-id='NATURAL_GAS-SAMARKAND-2027']");
        browser.script("document.getElementById('v-blocks').scrollIntoView({block: 'center'})");
        shot("tariff-form-uz-1366");
        click("#supersede-cancel");
        checks.check("tariff-form");
    }

    @Test
    @Order(3)
    void anAdministratorAddsAndRemovesADayOffOnTheRoutingPage() throws Exception {
        signIn(ADMIN);
        language("ru");
        open("/operator/routing.html", PageChecks.PHONE);
        browser.until(d -> browser.driver.findElements(By.cssSelector("#holidays li[data-day]")).size() >= 7);
        assertThat(browser.find("#holidays-title").getText()).isEqualTo("Выходные дни");
        String year = browser.find("#hd-year").getAttribute("value");
        assertThat(browser.find("#holidays li[data-day='" + year + "-03-21']").getText()).startsWith("21.03." + year + " · Навруз");
        assertThat(browser.find("#holidays").getText()).doesNotContain("New Year", "Independence");

        String day = (Integer.parseInt(year) + 1) + "-03-31";
        browser.script("document.getElementById('hd-day').value = arguments[0]", day);
        click("#hd-save");
        assertThat(fieldError("name").getText()).isEqualTo("Обязательное поле");
        fill("#hd-name", "Ramazon hayit");
        click("#hd-save");
        browser.until(d -> browser.find("#holiday-form .form-done").getText().startsWith("Добавлено: 31.03."));
        assertThat(browser.find("#holiday-form .form-done").getText())
                .isEqualTo("Добавлено: 31.03." + day.substring(0, 4) + " · обращений с перенесённым сроком: 0");
        assertThat(browser.find("#hd-year").getAttribute("value")).as("the list shows the new day's year")
                .isEqualTo(day.substring(0, 4));
        WebElement added = browser.until(visibilityOfElementLocated(By.cssSelector("#holidays li[data-day='" + day + "']")));
        assertThat(added.getText()).contains("Ramazon hayit");
        assertThat(system.auditActions("holiday:" + day)).containsExactly("holiday.add by ADMINISTRATOR");
        checks.check("holidays-ru");

        click("#holidays li[data-day='" + day + "'] .remove-holiday");
        browser.until(d -> browser.driver.findElements(By.cssSelector("#holidays li[data-day='" + day + "']")).isEmpty());
        assertThat(browser.find("#holiday-form .form-done").getText()).startsWith("Удалено: 31.03.");
        assertThat(new JsonObject(system.get("/api/v1/admin/holidays?year=" + day.substring(0, 4), token()).body())
                .getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("day"))).doesNotContain(day);
    }

    @Test
    @Order(4)
    void aVisitorSwitchesTheCalculatorsLanguage() throws Exception {
        signOut();
        language("uz");
        open("/calculator.html", PageChecks.PHONE);
        browser.until(visibilityOfElementLocated(By.cssSelector("input[name=consumption-ELECTRICITY]")));
        assertThat(browser.find("h1").getText()).isEqualTo("Qancha to‘layman?");
        assertThat(browser.find("#calculator").getText()).contains("Hudud", "Oyiga, kVt·soat")
                .doesNotContain("Регион", "Region");
        browser.until(d -> informerCaption().startsWith("Kommunal xizmatlar tariflari"));
        browser.find("input[name=consumption-ELECTRICITY]").sendKeys("300");
        browser.script("document.querySelector('input[name=date]').value = '2024-06-01'");
        click("#calculator button[type=submit]");
        browser.until(d -> !browser.find("#total").getText().isBlank());
        assertThat(browser.find("#total").getText()).isEqualTo("180 000,00 so‘m");
        browser.script("document.getElementById('result').scrollIntoView()");
        shot("calculator-uz-360");

        click("[data-lang=ru]");
        browser.until(d -> browser.find("h1").getText().equals("Сколько я заплачу?"));
        assertThat(browser.find("#total").getText()).as("the estimate written again").isEqualTo("180 000,00 сум");
        assertThat(browser.find("#calculator").getText()).contains("Регион", "В месяц, кВт·ч");
        assertThat(new Select(browser.find("#region")).getFirstSelectedOption().getText()).isEqualTo("г. Ташкент");
        browser.until(d -> informerCaption().startsWith("Тарифы на коммунальные услуги"));
        assertThat(checks.text()).doesNotContain("so‘m", "Hudud");
        checks.check("calculator-ru");

        click("[data-lang=en]");
        browser.until(d -> browser.find("#total").getText().equals("180,000.00 UZS"));
        browser.navigate().refresh();
        browser.until(d -> browser.find("h1").getText().equals("How much will I pay?"));

        // no tariff on that day: said in the page's words, and the date field is not the one to blame
        browser.script("document.querySelector('input[name=date]').value = '2001-01-01'");
        click("#calculator button[type=submit]");
        WebElement error = browser.until(visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).isNotBlank();
        assertThat(browser.find("input[name=date]").getAttribute("aria-invalid")).isNull();
    }

    /* ---- One page: load it at both widths, wait until it settles, check it ---- */

    private void page(SoftAssertions soft, String path, String lang, String ready, String name) throws Exception {
        for (int width : new int[] {PageChecks.PHONE, PageChecks.DESK}) {
            browser.consoleErrors(); // what earlier pages logged
            language(lang);
            open(path, width);
            if (ready != null) {
                browser.until(visibilityOfElementLocated(By.cssSelector(ready)));
            }
            settle();
            String where = path + " (" + lang + ", " + width + " px)";
            if (!path.startsWith("/embed/")) {
                soft.assertThat(browser.script("return document.documentElement.lang")).as(where + ": language").isEqualTo(lang);
            }
            Number scroll = (Number) browser.script("return document.scrollingElement.scrollWidth");
            Number inner = (Number) browser.script("return window.innerWidth");
            // a phone's layout viewport widens to fit what is too wide: compare with the screen's width too
            soft.assertThat(scroll.longValue()).as(where + ": no sideways scrolling; too wide: " + tooWide(width)).isLessThanOrEqualTo(inner.longValue())
                    .isLessThanOrEqualTo(width);
            soft.assertThat(failedLoads()).as(where + ": assets and API answers with 4xx/5xx").isEmpty();
            soft.assertThat(browser.consoleErrors()).as(where + ": console errors").isEmpty();
            soft.assertThat(checks.englishIn(checks.text())).as(where + ": English server words").isEmpty();
            soft.assertThat(checks.accessibilityViolations()).as(where + ": serious or critical axe-core violations").isEmpty();
            soft.assertThat(checks.wordsBrokenMidWord()).as(where + ": label words broken mid-word").isEmpty();
            shot(name + "-" + lang + "-" + width);
        }
    }

    /** Loads the page, then shows it this wide (chromedriver's phone emulation comes back with each new page). */
    private void open(String path, int width) {
        browser.navigate().to(system.base() + path);
        browser.resize(width, width == PageChecks.PHONE ? 740 : 900);
    }

    /** Waits until nothing more loads and the page stops changing: the same resources and nodes for a second. */
    private void settle() {
        browser.until(d -> "complete".equals(browser.script("return document.readyState")));
        long[] last = {-1};
        int[] same = {0};
        new WebDriverWait(browser.driver, Duration.ofSeconds(30), Duration.ofMillis(250)).until(d -> {
            long now = ((Number) browser.script("return performance.getEntriesByType('resource').length * 100000"
                    + " + document.getElementsByTagName('*').length")).longValue();
            same[0] = now == last[0] ? same[0] + 1 : 0;
            last[0] = now;
            return same[0] >= 4;
        });
    }

    /** The deepest elements reaching past the screen's right edge, to say where a page is too wide. */
    private Object tooWide(int width) {
        return browser.script("""
                var w = arguments[0], out = [];
                document.querySelectorAll('body *').forEach(function (n) {
                  var r = n.getBoundingClientRect();
                  var inside = Array.prototype.some.call(n.children, function (c) { return c.getBoundingClientRect().right > w + 0.5; });
                  if (r.right > w + 0.5 && r.width > 0 && !inside) {
                    out.push(n.tagName.toLowerCase() + (n.id ? '#' + n.id : '')
                      + (typeof n.className === 'string' && n.className ? '.' + n.className.split(' ').join('.') : '')
                      + ' ' + Math.round(r.right));
                  }
                });
                return out.slice(0, 8);""", width);
    }

    @SuppressWarnings("unchecked")
    private List<String> failedLoads() {
        return (List<String>) browser.script("""
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                  .filter(function (e) { return e.responseStatus >= 400; })
                  .map(function (e) { return e.name + ' ' + e.responseStatus; });""");
    }

    /* ---- People ---- */

    /** A household with a demo electricity account linked (by the receipt's code) and its bills made. */
    private String linkedHousehold() throws Exception {
        String number = system.app.gateway().meters().all().stream()
                .filter(m -> "electricity".equals(m.utility()) && m.accountNumber() != null
                        && m.accountNumber().matches("\\d{7}"))
                .map(Meter::accountNumber).sorted().findFirst().orElseThrow();
        Eventually.await(Duration.ofMinutes(3), () -> system.app.billing().engine().runs().all(),
                runs -> !runs.isEmpty() && runs.stream().allMatch(r -> r.finished()));
        signIn(HOUSEHOLD);
        String body = new JsonObject().put("utility", "electricity").put("number", number)
                .put("code", system.app.linkCodeOf(number)).encode();
        assertThat(system.post("/api/v1/me/accounts", token(), body).statusCode()).isIn(200, 201);
        return number;
    }

    private void signIn(String phone) throws Exception {
        signOut();
        browser.navigate().to(system.base() + "/");
        browser.until(visibilityOfElementLocated(By.id("phone")));
        int seen = system.smsCount();
        browser.find("#phone").sendKeys(phone);
        click("#send-code");
        browser.until(visibilityOfElementLocated(By.id("code")));
        String code = Eventually.await(Duration.ofSeconds(15), () -> system.codeSince(seen, phone), Objects::nonNull);
        browser.find("#code").sendKeys(code);
        click("#verify");
        browser.until(visibilityOfElementLocated(By.id("home")));
    }

    /** Forgets the session and the language, on a page of the site that needs neither. */
    private void signOut() {
        browser.navigate().to(system.base() + "/questions.html");
        browser.script("localStorage.clear(); sessionStorage.clear();");
        browser.consoleErrors();
    }

    /** The reader's language as the pages remember it (common.js), before the next page loads. */
    private void language(String lang) {
        browser.script("localStorage.setItem('ek.lang', arguments[0]); sessionStorage.setItem('ek.lang', arguments[0]);", lang);
    }

    private String token() {
        return (String) browser.script("return JSON.parse(localStorage.getItem('ek.session')).accessToken");
    }

    /* ---- Small helpers ---- */

    private JsonObject version(String utility, String id) throws Exception {
        JsonArray items = new JsonObject(system.get("/api/v1/operator/tariffs?limit=200&utility=" + utility, token()).body())
                .getJsonArray("items");
        return items.stream().map(o -> (JsonObject) o).filter(o -> id.equals(o.getString("id"))).findFirst().orElseThrow();
    }

    private String informerCaption() {
        Object text = browser.script("var h = document.querySelector('[data-ekommunal-tariffs]');"
                + " var c = h && h.shadowRoot && h.shadowRoot.querySelector('caption'); return c ? c.textContent : '';");
        return String.valueOf(text);
    }

    private WebElement fieldError(String field) {
        return browser.until(visibilityOfElementLocated(By.cssSelector(".field-error[data-for='" + field + "']")));
    }

    private String value(String css) {
        return browser.find(css).getAttribute("value");
    }

    private void fill(String css, String text) {
        WebElement input = browser.find(css);
        input.clear();
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    /** A click by event: a sticky top bar or a late layout shift must not swallow it. */
    private void click(String css) {
        WebElement target = browser.until(visibilityOfElementLocated(By.cssSelector(css)));
        browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", target);
    }

    /** A screenshot in target/screenshots/every-page; the README's ones also where -Dreadme.screenshots says. */
    private void shot(String name) throws IOException {
        browser.screenshot(name);
        String readme = System.getProperty("readme.screenshots");
        if (readme != null && README_PICTURES.contains(name)) {
            try (var files = Files.list(SHOTS)) {
                Path latest = files.filter(p -> p.getFileName().toString().endsWith("-" + name + ".png"))
                        .max(java.util.Comparator.comparing(p -> p.toFile().lastModified())).orElseThrow();
                Files.copy(latest, Path.of(readme).resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static final List<String> README_PICTURES = List.of("household-ru-360", "tariff-form-uz-1366",
            "calculator-uz-360", "billruns-uz-1366");
}

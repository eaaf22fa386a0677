package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.testing.Eventually;

/**
 * The operators' desk pages in headless Chromium, against the whole system with a small demo city:
 * an operator of the demo electricity network (RES) signs in by phone and works with meters; the
 * administrator changes the tariff book; a household is kept out; the calculator and the desk fit a
 * 360 px phone. What the page shows is checked, and so is what the database and the API hold after
 * each action (see {@link RunningSystem}). Screenshots go to {@code target/screenshots/operator-pages}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorPagesIT {

    private static final String OPERATOR = "+998901110001";
    private static final String ADMIN = "+998900000001";
    private static final String HOUSEHOLD = "+998901110003";
    private static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");
    private RunningSystem system;
    private HeadlessChromium browser;

    @BeforeAll
    void start() throws Exception {
        assertThat(HeadlessChromium.installed()).as("needs Debian's chromium and chromium-driver (.ci/run installs them)")
                .isTrue();
        system = new RunningSystem(ADMIN);
        system.makeOperator(OPERATOR, "DEMO-RES");
        browser = new HeadlessChromium(system.dataDir.resolve("chromium-profile"),
                Path.of("target", "screenshots", "operator-pages").toAbsolutePath());
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
    void anOperatorRegistersLinksReplacesAndRetiresMetersAndSeesOfflineAndQuarantined() throws Exception {
        system.assertSecurityHeaders("/operator/meters.html");
        system.assertSecurityHeaders("/operator/tariffs.html");
        system.assertSecurityHeaders("/operator/desk.js");
        Meter demo = demoElectricityMeter();
        Account account = system.app.billing().accounts().findByNumber(demo.accountNumber()).get(0);

        signIn(OPERATOR);
        assertThat(browser.find("#desk-links").isDisplayed()).as("an operator sees the desk's links").isTrue();
        browser.screenshot("operator-home");
        browser.find("#to-meters").click();
        browser.until(visibilityOfElementLocated(By.cssSelector("#meters tr[data-serial='" + demo.serial() + "']")));
        assertThat(browser.find("#desk h1").getText()).isEqualTo("Hisoblagichlar");
        assertThat(browser.find("#who").getText()).isEqualTo(OPERATOR + " · operator");
        checkPaging();
        browser.screenshot("meters-list");

        search(demo.serial().substring(0, demo.serial().length() - 1).toLowerCase());
        assertThat(rows()).as("serials starting with the search, any case").contains(demo.serial())
                .allMatch(s -> s.toUpperCase().startsWith(demo.serial().substring(0, demo.serial().length() - 1).toUpperCase()));
        search("");

        // A serial already taken: the API's problem shown under the serial field.
        fill("#reg-serial", demo.serial());
        browser.find("#reg-submit").click();
        WebElement taken = fieldError("register-form", "serial");
        assertThat(taken.getText()).startsWith("Bu seriya raqamli hisoblagich allaqachon ro‘yxatda").contains(demo.serial());
        assertThat(browser.find("#reg-serial").getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("register-error");

        LocalDate today = LocalDate.now(TASHKENT);
        register("EOP000001", "mqtt", today.minusDays(30));
        assertThat(system.meterTimes("EOP000001")[0]).isEqualTo(today.minusDays(30).atStartOfDay(TASHKENT).toInstant());
        browser.until(visibilityOfElementLocated(By.cssSelector("#meters tr[data-serial='EOP000001']")));
        assertThat(browser.find("#link-serial").getAttribute("value")).as("the new meter is picked for the next steps")
                .isEqualTo("EOP000001");
        // an MQTT meter's secret is shown once, with its user name; the page keeps no copy after a reload
        assertThat(browser.find("#secret-user").getText()).isEqualTo("EOP000001");
        assertThat(browser.find("#secret-shown").getText()).hasSize(43);
        browser.screenshot("meter-secret");

        // Link: an unknown number is refused next to the number field, the right one links.
        fill("#link-number", "0000000");
        browser.find("#link-submit").click();
        assertThat(fieldError("link-form", "number").getText()).isEqualTo("Bunday shaxsiy hisob sizning hisoblar orasida yo‘q");
        fill("#link-number", account.number());
        new Select(browser.find("#link-register")).selectByValue("1-0:1.8.0");
        browser.find("#link-submit").click();
        assertThat(done("link-form")).isEqualTo("Bog‘landi: EOP000001 → " + account.number() + " (1-0:1.8.0)");
        assertThat(system.linkedAccounts("EOP000001")).containsExactly(account.number());
        browser.screenshot("linked");

        // A household lost its receipt: the desk tells the account's link code, and issues a new one.
        String printed = system.app.linkCodeOf(account.number());
        fill("#code-number", account.number());
        browser.find("#code-submit").click();
        assertThat(done("code-form")).isEqualTo("Ulash kodi: " + printed);
        browser.find("#code-reissue").click();
        WebElement reissued = browser.find("#code-form .form-done");
        browser.until(d -> reissued.getText().startsWith("Yangi ulash kodi") ? reissued : null);
        String fresh = system.app.linkCodeOf(account.number());
        assertThat(fresh).isNotEqualTo(printed);
        assertThat(reissued.getText()).endsWith(fresh);
        browser.screenshot("link-code");

        // Replace, with the old meter's final reading.
        LocalDateTime swapped = today.minusDays(10).atTime(10, 0);
        Instant swappedAt = swapped.atZone(TASHKENT).toInstant();
        assertThat(browser.find("#rep-serial").getAttribute("value")).isEqualTo("EOP000001");
        fill("#rep-final", "bad");
        fill("#rep-new", "EOP000002");
        setValue("#rep-at", swapped.toString());
        browser.find("#rep-submit").click();
        assertThat(fieldError("replace-form", "finalReading.value").getText()).startsWith("Noto‘g‘ri qiymat: ");
        fill("#rep-final", "123,4");
        browser.find("#rep-submit").click();
        assertThat(done("replace-form")).isEqualTo("Almashtirildi: EOP000001 → EOP000002");
        assertThat(system.meterTimes("EOP000001")[1]).isEqualTo(swappedAt);
        assertThat(system.meterTimes("EOP000002")[0]).isEqualTo(swappedAt);
        assertThat(system.linkedAccounts("EOP000002")).containsExactly(account.number());
        assertThat(system.reading("EOP000001", "1-0:1.8.0", swappedAt)).isEqualByComparingTo("123.4");
        browser.screenshot("replaced");

        // Retire the new one.
        LocalDateTime retired = today.minusDays(5).atTime(10, 0);
        assertThat(browser.find("#ret-serial").getAttribute("value")).isEqualTo("EOP000002");
        fill("#ret-serial", "");
        browser.find("#ret-submit").click();
        assertThat(fieldError("retire-form", "serial").getText()).isEqualTo("To‘ldirilishi shart");
        fill("#ret-serial", "EOP000002");
        setValue("#ret-at", retired.toString());
        browser.find("#ret-submit").click();
        assertThat(done("retire-form")).startsWith("Xizmatdan chiqarildi: EOP000002 · ");
        assertThat(system.meterTimes("EOP000002")[1]).isEqualTo(retired.atZone(TASHKENT).toInstant());
        browser.until(visibilityOfElementLocated(By.cssSelector("#meters tr[data-serial='EOP000002'] .tag.retired")));
        browser.script("document.getElementById('meters-table').scrollIntoView()");
        browser.screenshot("retired");

        offlineMeter();
        quarantinedReading(demo.serial());
        quarantineActions();
        languages();
    }

    @Test
    void theAdministratorAddsAndSupersedesATariffVersionAndTheCalculatorPricesIt() throws Exception {
        String calculation = "{\"utilities\":[{\"utility\":\"GARBAGE\"}],\"residents\":4,\"region\":\"SAMARKAND\","
                + "\"date\":\"2026-01-01\"}";
        assertThat(system.post("/api/v1/calculator", null, calculation).statusCode()).as("no garbage tariff in Samarkand yet")
                .isEqualTo(422);
        signIn(ADMIN);
        assertThat(browser.find("#desk-links").isDisplayed()).isTrue();
        browser.find("#to-desk-tariffs").click();
        browser.until(visibilityOfElementLocated(By.cssSelector("tr[data-id='ELECTRICITY-2025-05-01']")));
        assertThat(browser.find("#desk h1").getText()).isEqualTo("Tarif versiyalari");
        assertThat(browser.find("tr[data-id='ELECTRICITY-2025-05-01'] td.blocks").getText())
                .startsWith("200 gacha: 600 · 500 gacha: 800");
        assertThat(browser.find("#version-form").isDisplayed()).isTrue();
        browser.screenshot("tariffs");

        // Blocks out of order: the form says so under the blocks, at the limit at fault.
        fillVersion("GARBAGE-SAMARKAND-DESK", "GARBAGE", "PER_RESIDENT", "SAMARKAND", "2025-01-01", "100", "5", "50", "9", "", "1");
        browser.find("#v-submit").click();
        assertThat(fieldError("version-form", "blocks").getText())
                .isEqualTo("2-blokning chegarasi oldingisidan katta bo‘lishi kerak");
        assertThat(browser.find("#block-rows .block-row:nth-child(2) .b-limit").getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("tariff-error");

        blocks("", "5000");
        browser.find("#v-submit").click();
        assertThat(done("version-form")).isEqualTo("Qo‘shildi: GARBAGE-SAMARKAND-DESK");
        WebElement added = browser.until(visibilityOfElementLocated(
                By.cssSelector("section[data-utility=GARBAGE] tr.fresh[data-id='GARBAGE-SAMARKAND-DESK']")));
        assertThat(added.getText()).contains("Samarqand", "01.01.2025 – hozirgacha", "5 000");
        browser.screenshot("tariff-added");
        HttpResponse<String> priced = system.post("/api/v1/calculator", null, calculation);
        assertThat(priced.statusCode()).as(priced.body()).isEqualTo(200);
        assertThat(new JsonObject(priced.body()).getString("total")).isEqualTo("20000.00");

        // Supersede it from 2026-03-01.
        browser.find("button.supersede[data-id='GARBAGE-SAMARKAND-DESK']").click();
        browser.until(visibilityOfElementLocated(By.id("supersede-note")));
        assertThat(browser.find("#supersede-id").getText()).isEqualTo("GARBAGE-SAMARKAND-DESK");
        assertThat(new Select(browser.find("#v-utility")).getFirstSelectedOption().getAttribute("value")).isEqualTo("GARBAGE");
        fill("#v-id", "GARBAGE-SAMARKAND-2026-03");
        setValue("#v-from", "2026-03-01");
        assertThat(browser.find("#block-rows .b-price").getAttribute("value")).as("the superseded prices, to edit")
                .matches("5000(,00)?");
        blocks("", "6000");
        browser.find("#v-submit").click();
        assertThat(done("version-form")).isEqualTo("Qo‘shildi: GARBAGE-SAMARKAND-2026-03 o‘rniga: GARBAGE-SAMARKAND-DESK");
        browser.until(visibilityOfElementLocated(By.cssSelector("tr.fresh[data-id='GARBAGE-SAMARKAND-2026-03']")));
        browser.until(textToBe(By.cssSelector("tr[data-id='GARBAGE-SAMARKAND-DESK'] td.validity"), "01.01.2025 – 28.02.2026"));
        browser.screenshot("tariff-superseded");
        JsonArray versions = new JsonObject(system.get("/api/v1/operator/tariffs?utility=GARBAGE", token()).body())
                .getJsonArray("items");
        assertThat(versions).anySatisfy(v -> {
            JsonObject o = (JsonObject) v;
            assertThat(o.getString("id")).isEqualTo("GARBAGE-SAMARKAND-DESK");
            assertThat(o.getString("validTo")).isEqualTo("2026-03-01");
        });

        // The public calculator page prices with the new book at once.
        browser.navigate().to(system.base() + "/calculator.html");
        browser.until(visibilityOfElementLocated(By.id("use-GARBAGE"))).click();
        browser.find("#use-ELECTRICITY").click();
        new Select(browser.find("#region")).selectByValue("SAMARKAND");
        fill("input[name=residents]", "4");
        setValue("input[name=date]", "2026-04-01");
        browser.find("#calculator button[type=submit]").click();
        WebElement total = browser.until(visibilityOfElementLocated(By.id("total")));
        browser.until(d -> !total.getText().isBlank());
        assertThat(total.getText().replaceAll("[^0-9,]", "")).isEqualTo("24000,00");
        browser.screenshot("calculator-new-tariff");
    }

    @Test
    void aHouseholdSeesNoDeskLinksAndIsRefusedTheDesk() throws Exception {
        browser.navigate().to(system.base() + "/");
        browser.script("localStorage.clear()");
        browser.navigate().to(system.base() + "/operator/tariffs.html");
        browser.until(visibilityOfElementLocated(By.id("denied-sign-in")));
        assertThat(browser.find("#desk").isDisplayed()).isFalse();

        signIn(HOUSEHOLD);
        assertThat(browser.find("#desk-links").isDisplayed()).as("a household sees no desk links").isFalse();
        assertThat(browser.driver.findElements(By.cssSelector("a[href^='/operator/']")))
                .allMatch(a -> !a.isDisplayed());
        browser.screenshot("household-home");

        browser.navigate().to(system.base() + "/operator/meters.html");
        WebElement denied = browser.until(visibilityOfElementLocated(By.cssSelector("#denied h1")));
        assertThat(denied.getText()).isEqualTo("Bu sahifa kommunal xizmat operatorlari uchun");
        assertThat(browser.find("#desk").isDisplayed()).isFalse();
        browser.screenshot("household-denied");

        // A household that edits its stored role past the page's check is refused by the API itself.
        browser.script("var s = JSON.parse(localStorage.getItem('ek.session')); s.user.role = 'OPERATOR';"
                + " localStorage.setItem('ek.session', JSON.stringify(s));");
        browser.navigate().refresh();
        browser.until(visibilityOfElementLocated(By.cssSelector("#denied h1")));
        browser.until(invisibilityOfElementLocated(By.id("desk")));
        assertThat(browser.driver.findElements(By.cssSelector("#meters tr"))).isEmpty();

        String household = token();
        for (String path : List.of("/api/v1/operator/meters", "/api/v1/operator/tariffs",
                "/api/v1/operator/quarantine", "/api/v1/operator/accounts?number=1234567")) {
            HttpResponse<String> refused = system.get(path, household);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(new JsonObject(refused.body()).getInteger("code")).as(path).isEqualTo(7008);
        }
    }

    @Test
    void theCalculatorAndTheDeskFitA360PixelPhone() throws Exception {
        HeadlessChromium wide = browser;
        browser = new HeadlessChromium(system.dataDir.resolve("chromium-360"),
                Path.of("target", "screenshots", "operator-pages", "360px").toAbsolutePath(), 360, 740);
        try {
            fitsA360PixelPhone();
        } finally {
            browser.close();
            browser = wide;
        }
    }

    @Test
    void atADesksWideScreenTheListAndTheFormsStandSideBySide() throws Exception {
        HeadlessChromium phone = browser;
        browser = new HeadlessChromium(system.dataDir.resolve("chromium-desk"),
                Path.of("target", "screenshots", "operator-pages", "desk").toAbsolutePath(), 1366, 768);
        try {
            signIn(ADMIN);
            browser.find("#to-meters").click();
            browser.until(visibilityOfElementLocated(By.cssSelector("#meters tr")));
            Number listRight = (Number) browser.script(
                    "return document.querySelector('.columns > .list').getBoundingClientRect().right;");
            Number formsLeft = (Number) browser.script(
                    "return document.getElementById('register-form').getBoundingClientRect().left;");
            assertThat(formsLeft.doubleValue()).as("the forms beside the list").isGreaterThan(listRight.doubleValue());
            assertThat(browser.find("#meters-table thead").isDisplayed()).as("a real table at a desk").isTrue();
            browser.screenshot("meters-desk");
            assertThat(browser.widths()[0]).isLessThanOrEqualTo(browser.widths()[1]);
            browser.find("#nav-tariffs").click();
            browser.until(visibilityOfElementLocated(By.cssSelector("tr[data-id='ELECTRICITY-2025-05-01']")));
            browser.screenshot("tariffs-desk");
        } finally {
            browser.close();
            browser = phone;
        }
    }

    private void fitsA360PixelPhone() throws Exception {
        browser.navigate().to(system.base() + "/calculator.html");
        browser.until(visibilityOfElementLocated(By.cssSelector("input[name=consumption-ELECTRICITY]"))).sendKeys("1234.5");
        for (String utility : List.of("NATURAL_GAS", "COLD_WATER", "HOT_WATER", "HEATING", "GARBAGE")) {
            browser.find("#use-" + utility).click();
        }
        fill("input[name=consumption-NATURAL_GAS]", "150");
        fill("input[name=consumption-COLD_WATER]", "12.5");
        fill("input[name=consumption-HOT_WATER]", "4");
        fill("input[name=heatedArea]", "62.5");
        fill("input[name=residents]", "5");
        fill("input[name=months]", "12");
        setValue("input[name=date]", "2025-12-01");
        browser.find("#calculator button[type=submit]").click();
        WebElement total = browser.until(visibilityOfElementLocated(By.id("total")));
        browser.until(d -> !total.getText().isBlank());
        assertThat(browser.driver.findElements(By.cssSelector("#lines tr"))).hasSizeGreaterThanOrEqualTo(6);
        browser.script("document.getElementById('result').scrollIntoView()");
        browser.screenshot("calculator-360");
        assertFits("the calculator with its result");
        Number table = (Number) browser.script("return document.querySelector('#result table').getBoundingClientRect().right;");
        assertThat(table.doubleValue()).as("the result table's right edge is on the screen").isLessThanOrEqualTo(360);

        signIn(OPERATOR);
        browser.find("#to-meters").click();
        browser.until(visibilityOfElementLocated(By.cssSelector("#meters tr")));
        browser.screenshot("meters-360");
        assertFits("the meters page");
        browser.find("#nav-tariffs").click();
        browser.until(visibilityOfElementLocated(By.cssSelector("tr[data-id='ELECTRICITY-2025-05-01']")));
        assertThat(browser.find("#editor-only").getText())
                .isEqualTo("Tariflar qarorlar bilan o‘zgaradi: ularni faqat administratorlar kiritadi, operatorlar ko‘radi.");
        assertThat(browser.find("#version-form").isDisplayed()).as("operators read the book, they do not change it").isFalse();
        browser.screenshot("tariffs-360-operator");
        assertFits("the tariffs page");
    }

    // ---- steps ----

    private void checkPaging() throws Exception {
        int inScope = 0;
        String cursor = null;
        do {
            JsonObject page = new JsonObject(system.get("/api/v1/operator/meters?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), token()).body());
            inScope += page.getJsonArray("items").size();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        List<String> first = rows();
        assertThat(first).hasSize(Math.min(inScope, 20));
        assertThat(browser.find("#meters-next").isEnabled()).isEqualTo(inScope > 20);
        if (inScope > 20) {
            browser.find("#meters-next").click();
            browser.until(textToBe(By.id("meters-page"), "Sahifa 2"));
            assertThat(rows()).isNotEmpty().doesNotContainAnyElementsOf(first);
            browser.find("#meters-prev").click();
            browser.until(textToBe(By.id("meters-page"), "Sahifa 1"));
        }
    }

    private void register(String serial, String protocol, LocalDate installed) throws Exception {
        fill("#reg-serial", serial);
        new Select(browser.find("#reg-utility")).selectByValue("electricity");
        new Select(browser.find("#reg-protocol")).selectByValue(protocol);
        if (installed != null) {
            setValue("#reg-installed", installed.toString());
        }
        if (protocol.equals("modbus")) {
            fill("#reg-host", "127.0.0.1");
            fill("#reg-port", "1");
            fill("#reg-unit", "7");
        }
        browser.find("#reg-submit").click();
        assertThat(done("register-form")).isEqualTo("Ro‘yxatga olindi: " + serial);
    }

    /** A Modbus meter nobody answers for is listed among the offline ones. */
    private void offlineMeter() throws Exception {
        register("EOPMB01", "modbus", null);
        WebElement offline = browser.until(visibilityOfElementLocated(By.cssSelector("#offline li[data-serial=EOPMB01]")));
        assertThat(offline.getText()).contains("127.0.0.1:1 #7", "aloqa yo‘q");
        browser.script("arguments[0].scrollIntoView()", offline);
        browser.screenshot("offline-meter");
    }

    /** A malformed MQTT message naming a meter of the operator's is shown as text, never as markup. */
    private void quarantinedReading(String serial) throws Exception {
        String payload = "{\"bn\":<b id=\"injected\">desk-it</b>";
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + system.app.mqttPort(), "operator-pages-it",
                new MemoryPersistence());
        // the meter signs in as itself: its secret, issued as the desk would
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(serial);
        options.setPassword(system.app.gateway().credentials().issue(serial).orElseThrow()
                .getBytes(StandardCharsets.UTF_8));
        client.connect(options).waitForCompletion(5_000);
        try {
            MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            client.publish("meters/" + serial + "/readings", message).waitForCompletion(5_000);
        } finally {
            client.disconnect().waitForCompletion(5_000);
            client.close();
        }
        String operator = token();
        Eventually.await(Duration.ofSeconds(20), () -> system.get("/api/v1/operator/quarantine", operator).body(),
                body -> body.contains("desk-it"));
        browser.find("#quarantine-refresh").click();
        WebElement entry = browser.until(d -> d.findElements(By.cssSelector("#quarantine li")).stream()
                .filter(li -> li.getText().contains("desk-it")).findFirst().orElse(null));
        assertThat(entry.findElement(By.cssSelector("code.payload")).getText()).isEqualTo(payload);
        assertThat(browser.driver.findElements(By.id("injected"))).as("the payload is not markup").isEmpty();
        assertThat(entry.getText()).contains("meters/" + serial + "/readings");
        browser.script("arguments[0].scrollIntoView()", entry);
        browser.screenshot("quarantine");
    }

    /**
     * The quarantine's buttons: the malformed message above is discarded with a reason (kept, marked);
     * a reading kept for an unknown meter is replayed once the meter is registered, and stored once.
     */
    private void quarantineActions() throws Exception {
        WebElement malformed = quarantineEntry("desk-it");
        String id = malformed.getAttribute("data-id");
        malformed.findElement(By.cssSelector("button.q-discard")).click();
        WebElement required = browser.until(visibilityOfElementLocated(
                By.cssSelector("#quarantine li[data-id='" + id + "'] .field-error[data-for='reason']")));
        assertThat(required.getText()).isEqualTo("To‘ldirilishi shart");
        quarantineEntry("desk-it").findElement(By.cssSelector("input[data-field=reason]"))
                .sendKeys("o‘rnatuvchining sinov xabari");
        quarantineEntry("desk-it").findElement(By.cssSelector("button.q-discard")).click();
        WebElement discarded = browser.until(visibilityOfElementLocated(
                By.cssSelector("#quarantine li[data-id='" + id + "'][data-resolution=discarded]")));
        assertThat(discarded.findElement(By.cssSelector(".resolution")).getText())
                .startsWith("rad etilgan ").endsWith("o‘rnatuvchining sinov xabari");
        assertThat(discarded.findElements(By.cssSelector("button"))).as("no actions on a closed entry").isEmpty();
        assertThat(system.scalar("select count(*) from gateway.quarantine where id = ? and resolution = 'discarded'",
                Long.parseLong(id))).as("kept, not deleted").isEqualTo(1);

        String serial = "EQR000001";
        long time = java.time.Instant.now().minus(Duration.ofHours(2)).getEpochSecond();
        String senml = "[{\"bn\":\"" + serial + ":\",\"bt\":" + time + ",\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":42.5}]";
        long unknown = system.scalar("insert into gateway.quarantine (received_at, protocol, source, reason, detail, payload)"
                + " values (now(), 'mqtt', ?, 'unknown_meter', ?, ?) returning id", "mqtt:head-end:meters/" + serial
                + "/readings", "unknown meter(s): " + serial, senml.getBytes(StandardCharsets.UTF_8));
        // an unknown serial is no provider's yet: the operator sees the entry once the meter is registered
        String operator = token();
        assertThat(system.get("/api/v1/operator/quarantine", operator).body()).doesNotContain(serial);
        register(serial, "mqtt", LocalDate.now(TASHKENT).minusDays(30));
        browser.find("#quarantine-refresh").click();
        WebElement replay = browser.until(visibilityOfElementLocated(
                By.cssSelector("#quarantine li[data-id='" + unknown + "'] button.q-replay")));
        assertThat(browser.find("#quarantine li[data-id='" + unknown + "'] b").getText())
                .as("the reason in words, not its code").isEqualTo("hisoblagich roʻyxatda yoʻq");
        replay.click();
        WebElement replayed = browser.until(visibilityOfElementLocated(
                By.cssSelector("#quarantine li[data-id='" + unknown + "'][data-resolution=replayed]")));
        assertThat(replayed.findElement(By.cssSelector(".resolution")).getText()).startsWith("qayta yuborilgan ")
                .endsWith("saqlangan ko‘rsatkichlar: 1");
        assertThat(system.scalar("select count(*) from gateway.readings r join gateway.meters m on m.id = r.meter_id"
                + " where m.serial = ? and r.value = 42.5", serial)).as("stored once").isEqualTo(1);
        browser.script("arguments[0].scrollIntoView()", replayed);
        browser.screenshot("quarantine-actions");
    }

    private WebElement quarantineEntry(String containing) {
        return browser.until(d -> d.findElements(By.cssSelector("#quarantine li")).stream()
                .filter(li -> li.getText().contains(containing)).findFirst().orElse(null));
    }

    private void languages() throws Exception {
        browser.script("window.scrollTo(0, 0)");
        browser.find("[data-lang=ru]").click();
        browser.until(textToBe(By.cssSelector("#desk h1"), "Счётчики"));
        assertThat(browser.find("#register-form h2").getText()).isEqualTo("Регистрация нового счётчика");
        assertThat(browser.find("#meters tr[data-serial=EOP000002] .tag.retired").getText()).startsWith("выведен ");
        browser.screenshot("meters-russian");
        browser.find("[data-lang=en]").click();
        browser.until(textToBe(By.cssSelector("#desk h1"), "Meters"));
        assertThat(browser.find("#replace-form h2").getText()).isEqualTo("Replace a meter");
        assertThat(browser.find("#nav-tariffs").getText()).isEqualTo("Tariffs");
        browser.screenshot("meters-english");
        browser.find("#nav-tariffs").click();
        browser.until(textToBe(By.cssSelector("#desk h1"), "Tariff versions"));
        assertThat(browser.find("#editor-only").getText()).startsWith("Tariffs change by decree");
        browser.find("[data-lang=uz]").click();
        browser.until(textToBe(By.cssSelector("#desk h1"), "Tarif versiyalari"));
    }

    // ---- page helpers ----

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
        assertThat(browser.find("#who").getText()).isEqualTo(phone);
    }

    private void search(String prefix) {
        String before = browser.find("#meters").getAttribute("data-loaded");
        fill("#search-serial", prefix);
        browser.find("#search").click();
        browser.until(d -> !Objects.equals(browser.find("#meters").getAttribute("data-loaded"), before));
    }

    private List<String> rows() {
        List<String> serials = new ArrayList<>();
        for (WebElement row : browser.driver.findElements(By.cssSelector("#meters tr"))) {
            serials.add(row.getAttribute("data-serial"));
        }
        return serials;
    }

    private void fillVersion(String id, String utility, String basis, String region, String from, String... blocks) {
        fill("#v-id", id);
        new Select(browser.find("#v-utility")).selectByValue(utility);
        new Select(browser.find("#v-basis")).selectByValue(basis);
        Select regions = new Select(browser.find("#v-regions"));
        regions.deselectAll();
        regions.selectByValue(region);
        setValue("#v-from", from);
        blocks(blocks);
    }

    /** The price rows through the form's buttons: limit, price, limit, price… (an empty limit: the rest). */
    private void blocks(String... limitsAndPrices) {
        for (WebElement remove : browser.driver.findElements(By.cssSelector("#block-rows .remove"))) {
            remove.click();
        }
        for (int i = 0; i < limitsAndPrices.length; i += 2) {
            browser.find("#block-add").click();
            fill("#block-rows .block-row:last-child .b-limit", limitsAndPrices[i]);
            fill("#block-rows .block-row:last-child .b-price", limitsAndPrices[i + 1]);
        }
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

    private void assertFits(String what) {
        long[] widths = browser.widths();
        assertThat(widths[1]).isEqualTo(360);
        assertThat(widths[0]).as(what + ": content width within the 360 px viewport").isLessThanOrEqualTo(widths[1]);
    }

    private String token() {
        return (String) browser.script("return JSON.parse(localStorage.getItem('ek.session')).accessToken");
    }

    private Meter demoElectricityMeter() throws Exception {
        return system.app.gateway().meters().all().stream()
                .filter(m -> m.utility().equals("electricity") && m.protocol().equals("mqtt") && m.accountNumber() != null)
                .findFirst().orElseThrow();
    }
}

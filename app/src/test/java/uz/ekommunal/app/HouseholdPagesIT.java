package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.testing.Eventually;

/**
 * The household's journey in headless Chromium at 360 and 1366 px, in Uzbek and Russian: sign in
 * with a local phone number, link an account typed with spaces (after a refused code), the card's
 * history and chart, paying any amount, the profile (its language follows the person), My service
 * providers, a new tab and a restarted browser still signed in and in the chosen language, unlinking.
 * Every step fails on a console error, a page wider than the screen, or English server words.
 * Screenshots go to {@code target/screenshots/household-<width>}.
 */
class HouseholdPagesIT {

    /** English words of server messages: none may reach an Uzbek or Russian page. */
    private static final List<String> ENGLISH = List.of("must", "required", "the", "is", "not", "invalid", "found",
            "wrong", "expired", "account", "number", "digits", "sign", "code", "too", "many", "try", "again", "only",
            "your", "already", "unknown", "with", "this", "reading", "meter", "provider", "appeal", "be", "or",
            "and", "cold", "water", "balance", "debt", "payment");

    private final Queue<String> sms = new ConcurrentLinkedQueue<>();
    private HttpServer smsGateway;
    private Application app;
    private HeadlessChromium browser;

    @TempDir
    Path dataDir;

    @BeforeEach
    void start() throws Exception {
        assertThat(HeadlessChromium.installed()).as("needs Debian's chromium and chromium-driver").isTrue();
        smsGateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        smsGateway.createContext("/sms", exchange -> {
            sms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        smsGateway.start();
        app = Application.start(Settings.load(env()), Role.all(), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
        if (smsGateway != null) {
            smsGateway.stop(0);
        }
    }

    @Test
    void aHouseholdsJourneyOnAPhoneAndOnALaptop() throws Exception {
        List<String> numbers = app.gateway().meters().all().stream()
                .filter(m -> m.utility().equals("electricity") && m.accountNumber() != null
                        && m.accountNumber().matches("\\d{7}"))
                .map(Meter::accountNumber).distinct().sorted().toList();
        assertThat(numbers).as("demo electricity accounts").hasSizeGreaterThanOrEqualTo(2);
        Eventually.await(Duration.ofMinutes(3), () -> app.billing().engine().runs().all(),
                runs -> !runs.isEmpty() && runs.stream().allMatch(r -> r.finished()));
        journey(360, 740, "+998901234561", "90 123 45 61", numbers.get(0));
        journey(1366, 800, "+998901234562", "90 123 45 62", numbers.get(1));
    }

    private void journey(int width, int height, String phone, String typedPhone, String number) throws Exception {
        Path profile = dataDir.resolve("chromium-" + width);
        Path shots = Path.of("target", "screenshots", "household-" + width).toAbsolutePath();
        browser = new HeadlessChromium(profile, shots, width, height);
        browser.navigate().to(base() + "/");
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("phone")));
        assertThat(browser.driver.getTitle()).isEqualTo("Telefon raqami bilan kirish — e-kommunal");
        check("sign-in", "uz");

        browser.find("#phone").sendKeys(typedPhone);
        click(browser.find("#send-code"));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
        assertThat(browser.find("#code-sent").getText()).endsWith(phone);
        String code = Eventually.await(Duration.ofSeconds(20), () -> lastCode(phone), c -> c != null);
        assertThat(lastSms(phone)).as("the code's SMS in Uzbek").contains("kirish kodingiz");
        browser.find("#code").sendKeys(code);
        click(browser.find("#verify"));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("home")));

        // choosing the region lists its providers; the provider chooses the utility and its format hint
        new Select(browser.find("#link-region")).selectByValue("TASHKENT_CITY");
        browser.until(d -> browser.find("#link-provider").findElements(By.tagName("option")).size() > 1);
        new Select(browser.find("#link-utility")).selectByValue("electricity");
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("link-format"), "7 ta raqam"));
        String spaced = number.charAt(0) + " " + number.substring(1, 4) + " " + number.substring(4);
        link(spaced, "AAAA-AAAA");
        WebElement error = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("link-error")));
        assertThat(error.getText()).contains("ulash kodi");
        check("link-refused", "uz");
        link(spaced, app.linkCodeOf(number));
        WebElement card = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("article.card[data-number='" + number + "']")));
        String accountId = card.getAttribute("data-account-id");
        check("card", "uz");

        // this month on the card: the metered use and its cost so far, then (past the month's first day)
        // where the month is heading and the price block it reaches
        WebElement soFar = browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "article.card[data-number='" + number + "'] section.month .so-far")));
        assertThat(soFar.getText()).startsWith("Hozirgacha: ").contains("kVt·soat", "so‘m");
        WebElement month = card.findElement(By.cssSelector("section.month"));
        if (month.findElements(By.cssSelector(".too-early")).isEmpty()) {
            assertThat(month.findElement(By.cssSelector(".forecast")).getText()).startsWith("Oy oxirigacha shu surʼatda: ");
            assertThat(month.findElement(By.cssSelector(".block")).getText()).contains("-pogʻona", "so‘m/kVt·soat");
        }
        browser.script("arguments[0].scrollIntoView()", month);
        check("month", "uz");

        // the history: payments and the balance after each entry, as bars
        click(card.findElement(By.cssSelector("details.history summary")));
        WebElement chart = browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("details.history[data-account-id='" + accountId + "'] svg.balance-chart")));
        assertThat(Integer.parseInt(chart.getAttribute("data-bars"))).as("ledger entries of the billed month")
                .isPositive();
        browser.script("arguments[0].scrollIntoView()", chart);
        check("history", "uz");

        // any amount, typed as people write it
        WebElement amount = card.findElement(By.cssSelector(".pay-form .pay-amount"));
        amount.clear();
        amount.sendKeys("12 500,50");
        click(card.findElement(By.cssSelector(".pay-form button[type=submit]")));
        browser.until(d -> !card.findElements(By.cssSelector(".pay-choices .note")).isEmpty()
                || card.findElement(By.cssSelector(".pay-status")).isDisplayed());
        assertThat(card.findElement(By.cssSelector(".pay-status")).isDisplayed()).as("no refusal").isFalse();
        check("pay-any-amount", "uz");

        // the profile: the slip's name and address, the language that follows the person
        click(browser.find("#tab-profile"));
        WebElement email = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("pf-email")));
        email.sendKeys("not-an-address");
        click(browser.find("#pf-save"));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("pf-status")));
        assertThat(browser.find("#pf-status").getText()).isEqualTo("Bu elektron pochta manzili emas");
        email.clear();
        email.sendKeys("dilnoza@example.uz");
        browser.find("#pf-name").sendKeys("Dilnoza Karimova");
        browser.find("#pf-address").sendKeys("Toshkent, Chilonzor 9-12");
        new Select(browser.find("#pf-region")).selectByValue("TASHKENT_CITY");
        new Select(browser.find("#pf-language")).selectByValue("ru");
        click(browser.find("#pf-save"));
        browser.until(ExpectedConditions.textToBe(By.cssSelector("#home h1"), "Мои виджеты"));
        assertThat(browser.find("#pf-status").getText()).isEqualTo("Сохранено");
        check("profile-ru", "ru");

        click(browser.find("#tab-providers"));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#providers-list .provider")));
        assertThat(browser.find("#providers-list").getText()).contains("Расчётный счёт", "ИНН");
        check("providers-ru", "ru");

        // a Russian problem on the page: the server answers in the page's language
        click(browser.find("#tab-widgets"));
        link("123456", "AAAA-AAAA");
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("link-error"), "7 цифр"));
        check("link-refused-ru", "ru");

        // a new tab: still signed in, still Russian
        browser.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        browser.navigate().to(base() + "/");
        browser.until(ExpectedConditions.textToBe(By.cssSelector("#home h1"), "Мои виджеты"));
        browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("article.card[data-number='" + number + "']")));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(
                "article.card[data-number='" + number + "'] section.month .so-far"), "На сегодня: "));
        check("new-tab-ru", "ru");

        // the browser closed and opened again with the same profile: still signed in, still Russian
        browser.close();
        browser = new HeadlessChromium(profile, shots, width, height);
        browser.navigate().to(base() + "/");
        browser.until(ExpectedConditions.textToBe(By.cssSelector("#home h1"), "Мои виджеты"));
        assertThat(browser.driver.getTitle()).isEqualTo("Мои виджеты — e-kommunal");

        // unlink: the card goes, the number can be linked again later
        WebElement again = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("article.card[data-number='" + number + "']")));
        browser.script("window.confirm = function () { return true; }");
        click(again.findElement(By.cssSelector("button.unlink")));
        browser.until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("article.card[data-number='" + number + "']")));
        assertThat(browser.find("#no-cards").isDisplayed()).isTrue();
        check("unlinked-ru", "ru");
        browser.close();
        browser = null;
    }

    /** Clicks what may sit under the sticky top bar: scrolled to the middle of the screen first. */
    /**
     * A click event on the element itself. The cards' charts, invoices and photos load after the
     * card and move what is below them: a pointer click at coordinates taken a moment earlier lands
     * on whatever moved there (seen: the appeals link under the link form).
     */
    private void click(WebElement element) {
        browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", element);
    }

    private void link(String number, String code) {
        WebElement input = browser.find("#link-number");
        input.clear();
        input.sendKeys(number);
        WebElement codeInput = browser.find("#link-code");
        codeInput.clear();
        codeInput.sendKeys(code);
        click(browser.find("#link-submit"));
    }

    /** A screenshot, then: no console errors, nothing wider than the screen, no English in uz/ru. */
    private void check(String step, String language) throws Exception {
        browser.screenshot(step);
        // a refusal the page shows (4xx from the API) is the journey; anything else is a fault
        assertThat(browser.consoleErrors()).as(step + ": console errors")
                .filteredOn(e -> !(e.contains("/api/v1/") && e.matches(".*status of 4\\d\\d.*"))).isEmpty();
        long[] widths = browser.widths();
        assertThat(widths[0]).as(step + ": page width against the viewport").isLessThanOrEqualTo(widths[1]);
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo(language);
        String text = (String) browser.script("return document.body.innerText");
        List<String> english = new ArrayList<>();
        for (String word : text.split("[^A-Za-z']+")) {
            if (ENGLISH.contains(word.toLowerCase())) {
                english.add(word);
            }
        }
        assertThat(english).as(step + ": English words on the " + language + " page:\n" + text).isEmpty();
    }

    private String lastCode(String phone) {
        String body = lastSms(phone);
        if (body == null) {
            return null;
        }
        Matcher m = RunningSystem.CODE.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private String lastSms(String phone) {
        String found = null;
        for (String body : sms) {
            if (body.contains(phone.substring(4))) {
                found = body;
            }
        }
        return found;
    }

    private String base() {
        return "http://127.0.0.1:" + app.httpPort();
    }

    private Map<String, String> env() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("EKOMMUNAL_DATA_DIR", dataDir.resolve("data").toString());
        env.put("EKOMMUNAL_EMBEDDED_DB_PORT", String.valueOf(freePort()));
        env.put("EKOMMUNAL_HTTP_PORT", "0");
        env.put("EKOMMUNAL_METRICS_PORT", "0");
        env.put("EKOMMUNAL_HTTP_HOST", "127.0.0.1");
        env.put("EKOMMUNAL_MQTT_PORT", "0");
        env.put("EKOMMUNAL_MQTT_HOST", "127.0.0.1");
        env.put("EKOMMUNAL_COAP_HOST", "127.0.0.1");
        env.put("EKOMMUNAL_COAP_PORT", "0");
        env.put("EKOMMUNAL_COAPS_PORT", "0");
        env.put("EKOMMUNAL_DEMO_CITY", "5");
        env.put("EKOMMUNAL_SMS_URL", "http://127.0.0.1:" + smsGateway.getAddress().getPort() + "/sms");
        return env;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

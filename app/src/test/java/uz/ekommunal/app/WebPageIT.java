package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.testing.Eventually;

/**
 * The households' page in headless Chromium, against the whole system with a small demo city:
 * sign in by phone, link a demo account, see its card, chart and receipts, switch language,
 * use the calculator. Screenshots of each step go to {@code target/screenshots}.
 */
class WebPageIT {

    private static final String PHONE = "+998901234567";
    private final HttpClient http = HttpClient.newHttpClient();
    /** What the SMS gateway received: the phone's inbox, where a user reads the code. */
    private final Queue<String> sms = new ConcurrentLinkedQueue<>();
    private HttpServer smsGateway;
    private Application app;
    private HeadlessChromium browser;

    @TempDir
    Path dataDir;

    @BeforeEach
    void start() throws Exception {
        assertThat(HeadlessChromium.installed()).as("needs Debian's chromium and chromium-driver (.ci/run installs them)")
                .isTrue();
        // The log adapter blanks a code's body in the outbox once it is "sent"; a gateway stub keeps it.
        smsGateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        smsGateway.createContext("/sms", exchange -> {
            sms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        smsGateway.start();
        app = Application.start(Settings.load(env()), Role.all(), Clock.systemUTC());
        browser = new HeadlessChromium(dataDir.resolve("chromium-profile"),
                Path.of("target", "screenshots").toAbsolutePath());
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
    void aHouseholdSignsInLinksAnAccountAndSeesItsCardChartAndReceipts() throws Exception {
        assertSecurityHeaders();
        Meter meter = app.gateway().meters().all().stream()
                .filter(m -> m.utility().equals("electricity") && m.protocol().equals("mqtt") && m.accountNumber() != null)
                .findFirst().orElseThrow();
        // the demo city's history is in once the previous month is billed
        Eventually.await(Duration.ofMinutes(2), () -> app.billing().engine().runs().all(),
                runs -> !runs.isEmpty() && runs.stream().allMatch(r -> r.finished()));

        browser.navigate().to(base() + "/");
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("phone")));
        browser.screenshot("sign-in");
        signIn();

        linkAccount("electricity", "NO-SUCH-1", "AAAA-AAAA");
        WebElement error = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("link-error")));
        assertThat(error.getText()).isNotBlank();
        browser.screenshot("link-error");

        linkAccount("electricity", meter.accountNumber(), "AAAA-AAAA");
        error = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("link-error")));
        assertThat(error.getText()).as("the number alone, without its link code, links nothing")
                .contains("ulash kodi");
        // the code as printed on the account's receipts
        linkAccount("electricity", meter.accountNumber(), app.linkCodeOf(meter.accountNumber()));
        WebElement card = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("article.card[data-number='" + meter.accountNumber() + "']")));
        assertThat(card.findElement(By.cssSelector(".balance .amount")).getText())
                .matches("[+-]?[\\d\\u00a0 ]+,\\d{2} so‘m");
        assertThat(card.findElement(By.cssSelector(".balance .as-of")).getText()).matches(".*\\d{2}\\.\\d{2}\\.\\d{4}");
        assertThat(card.getText()).contains(meter.serial());
        assertThat(card.getText()).as("the last tariff, from the previous month's invoice").contains("so‘m/kVt·soat");
        browser.screenshot("widget-card");
        readingRefused(meter.serial());
        readingWithPhoto(meter);

        String accountId = card.getAttribute("data-account-id");
        WebElement chart = browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#chart-" + accountId + " svg.chart")));
        assertThat(Integer.parseInt(chart.getAttribute("data-days"))).isBetween(30, 31);
        assertThat(chart.findElements(By.cssSelector("rect.bar"))).hasSize(Integer.parseInt(chart.getAttribute("data-days")));
        assertThat(Integer.parseInt(chart.getAttribute("data-filled"))).as("days with consumption").isPositive();
        assertThat(chart.findElements(By.cssSelector("rect.bar")))
                .as("bars drawn from the demo meter's history")
                .anyMatch(bar -> Double.parseDouble(bar.getAttribute("height")) > 0);
        browser.script("arguments[0].scrollIntoView()", chart);
        browser.screenshot("consumption-chart");

        checkReceipts(accountId);
        switchLanguage();
        calculator();
    }

    /** A reading below the meter's own is refused on the page with the server's reason; nothing stored. */
    private void readingRefused(String serial) throws Exception {
        String form = "form.reading-form[data-serial='" + serial + "']";
        browser.find(form + " input.reading-value").sendKeys("1");
        browser.find(form + " button[type=submit]").click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(form + " .reading-status"),
                "oldingi koʻrsatkichidan kichik"));
        assertThat(browser.find(form + " .reading-status").getAttribute("class")).contains("error");
        browser.screenshot("reading-refused");
    }

    /** A reading sent with a photo of the meter's display: stored, and the photo kept with it. */
    private void readingWithPhoto(Meter meter) throws Exception {
        java.time.Instant now = java.time.Instant.now();
        java.math.BigDecimal last = app.gateway().store().forMeter(meter.id(), now.minus(Duration.ofDays(2)),
                now.plus(Duration.ofHours(1)), 100_000).stream().filter(r -> r.register().equals("1-0:1.8.0"))
                .map(uz.ekommunal.gateway.store.StoredReading::value).max(java.math.BigDecimal::compareTo).orElseThrow();
        Path png = dataDir.resolve("meter.png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 6,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 2, 0x336699);
        javax.imageio.ImageIO.write(image, "png", png.toFile());
        String form = "form.reading-form[data-serial='" + meter.serial() + "']";
        WebElement value = browser.find(form + " input.reading-value");
        value.clear();
        value.sendKeys(last.add(new java.math.BigDecimal("0.5")).setScale(1, java.math.RoundingMode.DOWN).toPlainString());
        browser.find(form + " input.reading-photo").sendKeys(png.toString());
        browser.find(form + " button[type=submit]").click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(form + " .reading-status"),
                "surat qo‘shildi"));
        String token = (String) browser.script("return JSON.parse(localStorage.getItem('ek.session') || sessionStorage.getItem('ek.session')).accessToken");
        HttpResponse<String> photos = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/meters/"
                + meter.serial() + "/readings/photos")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(new JsonObject(photos.body()).getJsonArray("items")).singleElement()
                .satisfies(o -> assertThat(((JsonObject) o).getString("mediaType")).isEqualTo("image/png"));
        browser.screenshot("reading-with-photo");
    }

    private void signIn() throws Exception {
        browser.find("#phone").sendKeys(PHONE);
        browser.find("#send-code").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
        String code = Eventually.await(Duration.ofSeconds(15), this::lastCode, c -> c != null);
        browser.find("#code").sendKeys(code);
        browser.screenshot("code");
        browser.find("#verify").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("home")));
        assertThat(browser.find("#who").getText()).isEqualTo(PHONE);
        assertThat(browser.find("#home h1").getText()).isEqualTo("Mening vidjetlarim");
    }

    private void linkAccount(String utility, String number, String code) {
        new org.openqa.selenium.support.ui.Select(browser.find("#link-utility")).selectByValue(utility);
        WebElement input = browser.find("#link-number");
        input.clear();
        input.sendKeys(number);
        WebElement codeInput = browser.find("#link-code");
        codeInput.clear();
        codeInput.sendKeys(code);
        browser.find("#link-submit").click();
    }

    /** The previous month's receipt and payment slip, both PDFs. */
    private void checkReceipts(String accountId) throws Exception {
        String list = "#invoices-" + accountId + " li";
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(list + " a.receipt")));
        List<WebElement> links = browser.driver.findElements(By.cssSelector(list + " a.receipt"));
        String token = (String) browser.script("return JSON.parse(localStorage.getItem('ek.session')).accessToken");
        assertPdf(links.get(0).getAttribute("data-pdf"), token);
        List<WebElement> slips = browser.driver.findElements(By.cssSelector(list + " a.slip"));
        assertThat(slips).as("a payment slip beside each receipt").isNotEmpty();
        assertPdf(slips.get(0).getAttribute("data-pdf"), token);
    }

    private void assertPdf(String path, String token) throws Exception {
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).as(path).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
    }

    private void switchLanguage() throws Exception {
        browser.find("[data-lang=en]").click();
        browser.until(ExpectedConditions.textToBe(By.cssSelector("#home h1"), "My widgets"));
        assertThat(browser.find("#link-submit").getText()).isEqualTo("Link");
        assertThat(browser.find(".balance .label").getText()).isEqualTo("Balance");
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("english");
        browser.find("[data-lang=ru]").click();
        browser.until(ExpectedConditions.textToBe(By.cssSelector("#home h1"), "Мои виджеты"));
        assertThat(browser.find("#to-calculator").getText()).startsWith("Сколько я заплачу?");
        browser.screenshot("russian");
    }

    private void calculator() throws Exception {
        browser.find("#to-calculator").click();
        WebElement amount = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[name=consumption-ELECTRICITY]")));
        amount.sendKeys("300");
        // A date input's typing format follows the browser's locale; the value is always ISO.
        browser.script("document.querySelector('input[name=date]').value = '2024-06-01'");
        browser.find("#calculator button[type=submit]").click();
        WebElement total = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("total")));
        browser.until(d -> !total.getText().isBlank());
        assertThat(total.getText().replaceAll("[^0-9,]", "")).isEqualTo("180000,00");
        browser.script("document.getElementById('result').scrollIntoView()");
        browser.screenshot("calculator");
    }

    private String lastCode() {
        String found = null;
        for (String body : sms) {
            Matcher m = RunningSystem.CODE.matcher(body);
            if (body.contains(PHONE.substring(4)) && m.find()) {
                found = m.group(1);
            }
        }
        return found;
    }

    private void assertSecurityHeaders() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/app.js\"></script>");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
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

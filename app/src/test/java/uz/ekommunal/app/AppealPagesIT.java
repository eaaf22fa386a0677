package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import uz.ekommunal.testing.Eventually;

/**
 * The appeals in a real browser against the whole system, one journey per role, each page checked
 * at 360 and 1366 px ({@link PageChecks}): a resident files a public complaint with a photo (uz), an
 * officer works the queue (ru: overdue first, forward, accept, extend, answer, reject), the resident
 * follows the answer and history (ru, remembered from before), and anyone reads the public answers;
 * and the administrators' pages added with them: appeal routing and bill runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppealPagesIT {

    private static final String ADMIN = "+998900000081";
    private static final String RESIDENT = "+998901110081";
    private static final String OFFICER = "+998901110082";
    private RunningSystem system;
    private HeadlessChromium browser;
    private PageChecks checks;
    private final HttpClient http = HttpClient.newHttpClient();
    private String filed;       // the appeal the resident filed in the page
    private long filedId;
    private String rejected;    // one filed by the API, to be rejected
    private String overdue;     // one filed by the API, made overdue, to be forwarded
    private long overdueId;
    private String residentToken;
    private long suvsoz;
    private long billingCentre;

    @BeforeAll
    void start() throws Exception {
        assertThat(HeadlessChromium.installed()).as("needs Debian's chromium and chromium-driver").isTrue();
        system = new RunningSystem(ADMIN);
        Path shots = Path.of("target", "screenshots", "appeal-pages").toAbsolutePath();
        if (Files.isDirectory(shots)) {
            try (var old = Files.list(shots)) {
                for (Path p : old.toList()) {
                    Files.delete(p); // an earlier run's screenshots would mix with this one's
                }
            }
        }
        browser = new HeadlessChromium(system.dataDir.resolve("chromium-profile"), shots, PageChecks.PHONE, 740);
        List<String> organisations = new ArrayList<>();
        // the organisations' English names: none may show on an Uzbek or Russian page
        String english = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(system.base() + "/api/v1/appeals-organisations")).header("Accept-Language", "en")
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        new JsonObject(english).getJsonArray("items").forEach(o -> {
            JsonObject org = (JsonObject) o;
            organisations.add(org.getString("name"));
            if ("suvsoz".equals(org.getString("code"))) {
                suvsoz = org.getLong("id");
            }
            if ("ekommunal".equals(org.getString("code"))) {
                billingCentre = org.getLong("id");
            }
        });
        checks = new PageChecks(browser, organisations);
        long officer = system.household(OFFICER);
        system.household(RESIDENT);
        HttpResponse<String> granted = put("/api/v1/admin/users/" + officer + "/role", token(ADMIN),
                new JsonObject().put("role", "complaints_officer").put("organisationId", suvsoz).encode());
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
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
    void aResidentFilesAPublicComplaintWithAPhotoInUzbek() throws Exception {
        system.assertSecurityHeaders("/appeals.html");
        system.assertSecurityHeaders("/questions.html");
        system.assertSecurityHeaders("/operator/appeals.html");
        assertThat(system.get("/favicon.ico", "").statusCode()).isEqualTo(200);
        signIn(RESIDENT);
        browser.navigate().to(system.base() + "/appeals.html#new");
        browser.until(visibilityOfElementLocated(By.id("appeal-form")));
        browser.until(d -> browser.find("#new h1").getText().equals("Yangi murojaat"));
        browser.until(d -> browser.driver.findElements(By.cssSelector("#f-category option")).size() == 7);
        checks.check("resident-form-uz");

        new Select(browser.find("#f-category")).selectByVisibleText("Sovuq suv va kanalizatsiya");
        fill("#f-district", "Chilonzor");
        fill("#f-street", "Bunyodkor ko‘chasi");
        fill("#f-house", "12");
        fill("#f-landmark", "maktab yonida");
        fill("#f-phone", "90 111 00 81");
        fill("#f-email", "aziz@example.uz");
        fill("#f-subject", "Uch kundan beri suv yo‘q");
        fill("#f-text", "Chilonzor 12-uyda uch kundan beri sovuq suv yo‘q. Iltimos, tekshiring.");
        browser.find("#f-files").sendKeys(photo("suv.png").toString());
        click("#f-public");

        // without consent it is not sent, and the page says why next to the box
        click("#f-send");
        WebElement consent = browser.until(visibilityOfElementLocated(
                By.cssSelector("#appeal-form .field-error[data-for='termsAccepted']")));
        assertThat(consent.getText()).isEqualTo("Yuborish uchun rozilik belgilanishi kerak");

        click("#f-save");
        String saved = done("#appeal-form .form-done", "Qoralama saqlandi: ");
        filed = saved.substring("Qoralama saqlandi: ".length());
        assertThat(browser.find("#f-attached").getText()).contains("suv.png");
        click("#f-terms");
        click("#f-send");
        assertThat(done("#detail-form .form-done", "Murojaat yuborildi: ")).endsWith(filed);
        assertThat(browser.find("#d-status").getText()).isEqualTo("Yuborilgan");
        assertThat(browser.find("#d-files").getText()).contains("suv.png");
        assertThat(browser.find("#d-facts").getText()).contains("Suvsoz (suv taʼminoti va kanalizatsiya)",
                "Toshkent shahri, Chilonzor, Bunyodkor ko‘chasi, 12 (maktab yonida)");
        filedId = Long.parseLong(((String) browser.script("return location.hash")).replace("#appeal-", ""));
        checks.check("resident-sent-uz");

        String token = sessionToken();
        residentToken = token;
        JsonObject stored = new JsonObject(system.get("/api/v1/appeals/" + filedId, token).body());
        assertThat(stored.getString("phone")).isEqualTo("+998901110081");
        assertThat(stored.getBoolean("public")).isTrue();
        assertThat(stored.getString("language")).isEqualTo("uz");
        rejected = file(token, "Suv hisobi noto‘g‘ri", "Hisob noto‘g‘ri").getString("number");
        JsonObject late = file(token, "Kanalizatsiya toshib ketdi", "Hovlida kanalizatsiya toshib ketdi");
        overdue = late.getString("number");
        overdueId = late.getLong("id");
        assertThat(system.sql("update appeals.appeals set due_on = date '2026-01-05' where number = ?", overdue))
                .isEqualTo(1);

        browser.navigate().to(system.base() + "/appeals.html#mine");
        browser.until(d -> browser.driver.findElements(By.cssSelector("#mine-list li")).size() == 3);
        fill("#s-number", filed);
        click("#s-go");
        browser.until(d -> browser.driver.findElements(By.cssSelector("#mine-list li")).size() == 1);
        assertThat(browser.find("#mine-list li").getText()).contains(filed, "Yuborilgan", "Sovuq suv va kanalizatsiya");
        checks.check("resident-mine-uz");
    }

    @Test
    @Order(2)
    void anOfficerWorksTheQueueInRussian() throws Exception {
        signIn(OFFICER);
        browser.navigate().to(system.base() + "/operator/appeals.html");
        browser.until(visibilityOfElementLocated(By.id("queue-form")));
        click("[data-lang=ru]");
        browser.until(d -> browser.find("#desk h1").getText().equals("Очередь обращений"));
        browser.until(d -> browser.find("#who").getText().equals(OFFICER + " · сотрудник по обращениям"));
        browser.until(d -> browser.driver.findElements(By.cssSelector("#queue li")).size() == 3);
        WebElement first = browser.find("#queue li");
        assertThat(first.getAttribute("data-number")).as("overdue first").isEqualTo(overdue);
        assertThat(first.getText()).contains("просрочено", "05.01.2026");
        assertThat(browser.find("#queue-total").getText()).isEqualTo("В очереди: 3, просрочено: 1");
        checks.check("officer-queue-ru");

        open(overdue);
        assertThat(browser.find("#forward-rule").getText()).startsWith("По закону обращение перенаправляется в течение 5 рабочих дней");
        new Select(browser.find("#fw-org")).selectByValue(Long.toString(billingCentre));
        fill("#fw-note", "Вопрос о счёте, не о трубах");
        click("#fw-go");
        assertThat(done("#w-done", "Перенаправлено: ")).endsWith(overdue);
        browser.until(d -> browser.driver.findElements(By.cssSelector("#queue li")).size() == 2);

        open(filed);
        assertThat(browser.find("#w-files").getText()).contains("suv.png");
        assertThat(browser.find("#reject-rule").getText()).startsWith("Отказ — в течение 1 рабочего дня");
        checks.check("officer-appeal-ru");
        click("#accept");
        assertThat(done("#w-done", "Принято: ")).endsWith(filed);
        click("#ex-go");
        assertThat(browser.until(visibilityOfElementLocated(
                By.cssSelector("#extend-form .field-error[data-for='reason']"))).getText()).isEqualTo("Обязательное поле");
        fill("#ex-reason", "Нужна проверка давления на вводе");
        click("#ex-go");
        assertThat(done("#w-done", "Срок продлён: ")).contains(filed);
        // the answer's files: only this organisation's officers, only while the appeal is accepted
        String officerToken = sessionToken();
        assertThat(upload("/api/v1/officer/appeals/" + filedId + "/attachments?name=x.png", residentToken)
                .statusCode()).as("a resident on the officers' upload").isEqualTo(403);
        assertThat(upload("/api/v1/officer/appeals/" + overdueId + "/attachments?name=x.png", officerToken)
                .statusCode()).as("another organisation's appeal").isEqualTo(404);
        fill("#an-text", "Давление восстановлено 6 декабря, вода подаётся круглосуточно.");
        browser.find("#an-files").sendKeys(photo("tamir.png").toString());
        click("#an-go");
        assertThat(done("#w-done", "Ответ отправлен: ")).endsWith(filed);
        assertThat(browser.find("#w-files").getText()).contains("suv.png", "tamir.png (от организации)");
        assertThat(upload("/api/v1/officer/appeals/" + filedId + "/attachments?name=x.png", officerToken)
                .statusCode()).as("after the answer").isEqualTo(409);
        assertThat(browser.find("#w-history").getText()).contains("Принято к рассмотрению", "Срок продлён", "Дан ответ");

        open(rejected);
        new Select(browser.find("#rj-ground")).selectByValue("NO_CONCRETE_REQUEST");
        fill("#rj-note", "Не указан номер лицевого счёта и месяц");
        click("#rj-go");
        assertThat(done("#w-done", "Отклонено: ")).endsWith(rejected);
        checks.check("officer-done-ru");
    }

    @Test
    @Order(3)
    void theResidentFollowsTheAnswerInTheLanguageChosenBefore() throws Exception {
        signIn(RESIDENT);
        browser.navigate().to(system.base() + "/appeals.html");
        browser.until(d -> browser.find("#mine h1").getText().equals("Мои обращения"));
        browser.until(d -> browser.driver.findElements(By.cssSelector("#mine-list li")).size() == 3);
        new Select(browser.find("#s-status")).selectByValue("answered");
        click("#s-go");
        browser.until(d -> browser.driver.findElements(By.cssSelector("#mine-list li")).size() == 1);
        assertThat(browser.find("#mine-list li").getText()).contains(filed, "Дан ответ");
        checks.check("resident-mine-ru");

        click("#mine-list li a.number");
        browser.until(visibilityOfElementLocated(By.id("d-answer-box")));
        assertThat(browser.find("#d-answer").getText()).startsWith("Давление восстановлено 6 декабря");
        assertThat(browser.find("#d-answer-files").getText()).contains("tamir.png");
        assertThat(browser.find("#d-files").getText()).contains("suv.png").doesNotContain("tamir.png");
        assertThat(browser.find("#d-history").getText()).contains("Отправлено", "Принято к рассмотрению",
                "Срок продлён", "Дан ответ", "сотрудник организации");
        assertThat(browser.find("#d-facts").getText()).contains("Срок продлён: Нужна проверка давления на вводе");
        checks.check("resident-answer-ru");
        click("#d-close");
        assertThat(done("#detail-form .form-done", "Обращение закрыто")).isNotBlank();
        assertThat(browser.find("#d-status").getText()).isEqualTo("Закрыто");

        browser.navigate().to(system.base() + "/appeals.html#mine");
        new Select(browser.find("#s-status")).selectByValue("");
        fill("#s-number", rejected);
        click("#s-go");
        browser.until(d -> browser.driver.findElements(By.cssSelector("#mine-list li")).size() == 1);
        click("#mine-list li a.number");
        WebElement why = browser.until(visibilityOfElementLocated(By.id("d-reject")));
        assertThat(why.getText()).isEqualTo("Нет конкретного требования или вопроса: Не указан номер лицевого счёта и месяц");
        checks.check("resident-rejected-ru");
    }

    @Test
    @Order(4)
    void anyoneReadsThePublicAnswersWithoutSigningIn() throws Exception {
        browser.navigate().to(system.base() + "/questions.html");
        browser.script("sessionStorage.clear(); localStorage.clear();");
        browser.navigate().refresh();
        browser.until(d -> browser.find("main h1").getText().equals("Savol va javoblar"));
        WebElement item = browser.until(visibilityOfElementLocated(By.cssSelector("#q-list li[data-number='" + filed + "']")));
        assertThat(item.getText()).contains("Uch kundan beri suv yo‘q", "Давление восстановлено", "Yopilgan",
                "Suvsoz (suv taʼminoti va kanalizatsiya)", "Chilonzor");
        assertThat(item.getText()).doesNotContain("+998", "Bunyodkor", "aziz@example.uz");
        checks.check("public-uz");

        click("[data-lang=ru]");
        fill("#q-number", "no-such-number");
        click("#q-go");
        browser.until(d -> browser.find("#q-total").getText().equals("Ничего не найдено"));
        fill("#q-number", filed);
        click("#q-go");
        browser.until(d -> browser.find("#q-total").getText().equals("Найдено: 1"));
        assertThat(browser.find("#q-list").getText()).contains("Закрыто", "Сувсоз (водоснабжение и канализация)");
        checks.check("public-ru");
        assertThat(browser.find("#q-list").getText()).doesNotContain(rejected);
    }

    @Test
    @Order(5)
    void anAdministratorRoutesADistrictsWaterAppealsElsewhere() throws Exception {
        system.assertSecurityHeaders("/operator/routing.html");
        signIn(ADMIN);
        browser.navigate().to(system.base() + "/operator/routing.html");
        click("[data-lang=uz]");
        browser.until(d -> browser.driver.findElements(By.cssSelector("#routes tbody tr")).size() == 7);
        assertThat(browser.find("#routes tr[data-category=cold_water][data-district=''] .org").getText())
                .isEqualTo("Suvsoz (suv taʼminoti va kanalizatsiya)");
        new Select(browser.find("#rt-category")).selectByValue("cold_water");
        fill("#rt-district", "Sergeli");
        new Select(browser.find("#rt-org")).selectByValue(Long.toString(billingCentre));
        click("#rt-save");
        assertThat(done("#route-form .form-done", "Saqlandi: ")).isEqualTo(
                "Saqlandi: Sovuq suv va kanalizatsiya · Sergeli → E-kommunal hisob-kitob markazi");
        assertThat(browser.find("#routes tr[data-category=cold_water][data-district=Sergeli] .org").getText())
                .isEqualTo("E-kommunal hisob-kitob markazi");
        assertThat(system.auditActions("appeal-route:cold_water/Sergeli")).containsExactly(
                "appeal.route.change by ADMINISTRATOR");
        checks.check("admin-routing-uz");
    }

    @Test
    @Order(6)
    void anAdministratorOpensABillRunAndFollowsIt() throws Exception {
        system.assertSecurityHeaders("/operator/billruns.html");
        browser.navigate().to(system.base() + "/operator/billruns.html");
        click("[data-lang=ru]");
        browser.until(d -> browser.find("#desk h1").getText().equals("Ежемесячное начисление (квитанции)"));
        browser.until(d -> !browser.driver.findElements(By.cssSelector("#br-provider option")).isEmpty());
        assertThat(browser.find("#br-period").getAttribute("value")).isEqualTo("2026-11");
        click("#br-open");
        String opened = done("#run-form .form-done", "Запущено: № ");
        String id = opened.substring("Запущено: № ".length());
        WebElement run = browser.until(visibilityOfElementLocated(By.cssSelector("#runs li[data-run='" + id
                + "'][data-done=true]")));
        assertThat(run.getText()).contains("Начисление № " + id + " · 2026-11", "завершено", "Ошибки: 0");
        checks.check("admin-billruns-ru");

        // opening it again answers the same run; a month not over yet is refused next to its field
        click("#runs li[data-run='" + id + "'] button[data-rerun]");
        assertThat(done("#run-form .form-done", "Запущено: № ")).isEqualTo(opened);
        browser.script("document.querySelector('#br-period').value = '2027-01'");
        click("#br-open");
        assertThat(browser.until(visibilityOfElementLocated(By.cssSelector("#run-form .field-error[data-for='period']")))
                .getText()).startsWith("Неверное значение");
    }

    // ---- helpers ----

    private void signIn(String phone) throws Exception {
        browser.navigate().to(system.base() + "/");
        browser.script("sessionStorage.removeItem('ek.session'); localStorage.removeItem('ek.session')");
        browser.navigate().refresh();
        browser.until(visibilityOfElementLocated(By.id("phone")));
        int seen = system.smsCount();
        browser.find("#phone").sendKeys(phone);
        click("#send-code");
        browser.until(visibilityOfElementLocated(By.id("code")));
        String code = Eventually.await(Duration.ofSeconds(15), () -> system.codeSince(seen, phone), Objects::nonNull);
        browser.find("#code").sendKeys(code);
        click("#verify");
        browser.until(visibilityOfElementLocated(By.id("home")));
        browser.consoleErrors(); // the households' page is another page's test
    }

    /** An access token for this phone, signed in over plain HTTP as an app would. */
    private String token(String phone) throws Exception {
        int seen = system.smsCount();
        assertThat(system.post("/api/v1/auth/otp", null, new JsonObject().put("phone", phone).encode()).statusCode())
                .isEqualTo(202);
        String code = Eventually.await(Duration.ofSeconds(15), () -> system.codeSince(seen, phone), Objects::nonNull);
        HttpResponse<String> session = system.post("/api/v1/auth/otp/verify", null,
                new JsonObject().put("phone", phone).put("code", code).encode());
        return new JsonObject(session.body()).getString("accessToken");
    }

    /** Files and sends a complaint about cold water by the API; the appeal as the API answers. */
    private JsonObject file(String token, String subject, String text) throws Exception {
        HttpResponse<String> sent = system.post("/api/v1/me/appeals", token, new JsonObject()
                .put("category", "cold_water").put("kind", "complaint").put("region", "Toshkent shahri")
                .put("district", "Chilonzor").put("street", "Qatortol").put("house", "3").put("phone", "+998901110081")
                .put("replyChannel", "post").put("subject", subject).put("text", text).put("termsAccepted", true)
                .encode());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        return new JsonObject(sent.body());
    }

    private HttpResponse<String> put(String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(system.base() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String sessionToken() {
        return (String) browser.script("return JSON.parse(localStorage.getItem('ek.session') || sessionStorage.getItem('ek.session')).accessToken");
    }

    /** A small PNG posted raw, as the pages upload. */
    private HttpResponse<String> upload(String path, String token) throws Exception {
        byte[] png = Files.readAllBytes(photo("raw.png"));
        return http.send(HttpRequest.newBuilder(URI.create(system.base() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void open(String number) {
        click("#queue li[data-number='" + number + "'] button[data-open]");
        browser.until(d -> browser.find("#w-title").getText().equals("№ " + number));
    }

    private Path photo(String name) throws Exception {
        Path file = system.dataDir.resolve(name);
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0x0b5cad);
        ImageIO.write(image, "png", file.toFile());
        assertThat(Files.size(file)).isPositive();
        return file;
    }

    /**
     * Clicks the element scrolled to the middle of the screen, clear of the sticky top bar; found again when the
     * page redrew it between finding and clicking (the bill runs' list refreshes itself while a run is followed).
     */
    private void click(String css) {
        browser.until(d -> {
            try {
                WebElement element = browser.find(css);
                browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
                element.click();
                return true;
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    private void fill(String css, String text) {
        WebElement input = browser.find(css);
        input.clear();
        input.sendKeys(text);
    }

    private String done(String css, String prefix) {
        return browser.until(d -> {
            WebElement box = browser.find(css);
            return box.isDisplayed() && box.getText().startsWith(prefix) ? box.getText() : null;
        });
    }
}

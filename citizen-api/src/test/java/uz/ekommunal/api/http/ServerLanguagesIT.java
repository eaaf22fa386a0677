package uz.ekommunal.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;

/**
 * The server speaks the caller's language: problem titles and details and sign-in SMS in Uzbek or
 * Russian by {@code Accept-Language} (Uzbek without one), the profile's language for SMS, the same
 * error codes in every language; and a household's profile and links are its own.
 */
class ServerLanguagesIT {

    private static ApiFixture api;
    private static Households data;
    private static String alice;
    private static String bob;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        data = new Households(api);
        alice = api.token("+998901000011");
        bob = api.token("+998901000012");
        assertThat(api.link(alice, "electricity", "1000001").statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** Each failing call a page can make, answered in every language. */
    private static List<Supplier<HttpResponse<String>>> failingCalls() {
        return List.of(
                () -> api.post("/api/v1/auth/otp", null, new JsonObject().put("phone", "12345")),
                () -> api.post("/api/v1/auth/otp/verify", null, new JsonObject().put("phone", "+998901000099")
                        .put("code", "000000")),
                () -> api.post("/api/v1/me/accounts", alice, new JsonObject().put("utility", "electricity")
                        .put("number", "123456").put("code", "AAAA-AAAA")),
                () -> api.post("/api/v1/me/accounts", alice, new JsonObject().put("utility", "electricity")
                        .put("number", "9999999").put("code", "AAAA-AAAA")),
                () -> api.post("/api/v1/me/accounts", alice, new JsonObject().put("utility", "teleport")
                        .put("number", "1").put("code", "AAAA-AAAA")),
                () -> api.post("/api/v1/me/accounts", alice, new JsonObject().put("utility", "electricity")
                        .put("number", "1000001").put("code", "???")),
                () -> api.put("/api/v1/me", alice, new JsonObject().put("email", "not-an-address")),
                () -> api.put("/api/v1/me", alice, new JsonObject().put("language", "de")),
                () -> api.get("/api/v1/accounts/" + data.electricityB.id() + "/balance-history", alice),
                () -> api.get("/api/v1/accounts/abc/invoices", alice),
                () -> api.get("/api/v1/me", null),
                () -> api.get("/api/v1/me", "not-a-token"),
                () -> api.get("/api/v1/no-such-page", alice),
                () -> api.post("/api/v1/calculator", null, new JsonObject().put("region", "ATLANTIS")),
                () -> api.post("/api/v1/calculator", null, new JsonObject()),
                () -> api.get("/api/v1/accounts/" + data.electricityA.id() + "/consumption?group_by=year", alice),
                () -> api.get("/api/v1/accounts/" + data.electricityA.id() + "/consumption?from=2026-02-01&to=2026-01-01",
                        alice));
    }

    @Test
    void problemsAreInRussianAndUzbekWithTheSameCodes() {
        List<String> english = new ArrayList<>();
        int calls = 0;
        for (Supplier<HttpResponse<String>> call : failingCalls()) {
            calls++;
            api.acceptLanguage = "en";
            JsonObject en = problem(call.get());
            for (String language : new String[] {"ru-RU,ru;q=0.9,en;q=0.8", "uz", null}) {
                api.acceptLanguage = language;
                HttpResponse<String> r = call.get();
                JsonObject p = problem(r);
                String expected = language == null || language.startsWith("uz") ? "uz" : "ru";
                assertThat(r.headers().firstValue("Content-Language")).as(r.uri().toString()).hasValue(expected);
                assertThat(p.getInteger("code")).as("the code does not change with the language")
                        .isEqualTo(en.getInteger("code"));
                assertThat(p.getString("type")).isEqualTo(en.getString("type"));
                assertThat(p.getString("field")).isEqualTo(en.getString("field"));
                assertThat(p.getString("detail")).as(r.uri() + " " + expected).isNotBlank()
                        .isNotEqualTo(en.getString("detail"));
                english.addAll(englishWords(expected + " " + r.uri(), p.getString("title") + " " + p.getString("detail")));
            }
        }
        api.acceptLanguage = "en";
        assertThat(calls).isEqualTo(17);
        assertThat(english).isEmpty();
    }

    @Test
    void aWrongNumberIsExplainedWithTheUtilitysNameAndDigitsInTheLanguage() {
        api.acceptLanguage = "ru";
        try {
            JsonObject p = problem(api.post("/api/v1/me/accounts", alice, new JsonObject()
                    .put("utility", "electricity").put("number", "123456").put("code", "AAAA-AAAA")));
            assertThat(p.getInteger("code")).isEqualTo(4101);
            assertThat(p.getString("title")).isEqualTo("Неверный номер лицевого счёта");
            assertThat(p.getString("detail")).isEqualTo("Номер лицевого счёта «электроэнергия» — 7 цифр");
            api.acceptLanguage = "uz";
            assertThat(problem(api.post("/api/v1/auth/otp", null, new JsonObject().put("phone", "12345")))
                    .getString("detail")).contains("+998", "9 ta raqam");
        } finally {
            api.acceptLanguage = "en";
        }
    }

    @Test
    void signInCodesComeInTheAskedLanguageUntilTheProfileChoosesOne() throws Exception {
        String phone = "+998901000013";
        api.acceptLanguage = "ru";
        try {
            String token = api.token(phone);
            assertThat(api.sms.lastTo(phone)).startsWith("e-kommunal: код для входа ");
            JsonObject me = new JsonObject(api.put("/api/v1/me", token, new JsonObject().put("name", "Olim")
                    .put("language", "uz")).body());
            assertThat(me.getString("language")).isEqualTo("uz");
            api.token(phone); // still asked in Russian: the profile's choice wins for an SMS read later
            assertThat(api.sms.lastTo(phone)).startsWith("e-kommunal: kirish kodingiz ");
            // an update that names no language keeps the chosen one
            me = new JsonObject(api.put("/api/v1/me", token, new JsonObject().put("name", "Olim")).body());
            assertThat(me.getString("language")).isEqualTo("uz");
        } finally {
            api.acceptLanguage = "en";
        }
    }

    @Test
    void withoutAcceptLanguageTheProfilesLanguageAnswersOnceTheSessionCarriesIt() throws Exception {
        JsonObject session = api.signIn("+998901000014");
        String token = session.getString("accessToken");
        api.put("/api/v1/me", token, new JsonObject().put("language", "ru"));
        api.acceptLanguage = null;
        try {
            HttpResponse<String> before = api.get("/api/v1/accounts/999999/invoices", token);
            assertThat(before.headers().firstValue("Content-Language")).as("the old token knows no language")
                    .hasValue("uz");
            JsonObject refreshed = new JsonObject(api.post("/api/v1/auth/refresh", null,
                    new JsonObject().put("refreshToken", session.getString("refreshToken"))).body());
            HttpResponse<String> after = api.get("/api/v1/accounts/999999/invoices",
                    refreshed.getString("accessToken"));
            assertThat(after.statusCode()).isEqualTo(404);
            assertThat(after.headers().firstValue("Content-Language")).hasValue("ru");
            assertThat(new JsonObject(after.body()).getString("title")).isEqualTo("Лицевой счёт не найден");
            api.acceptLanguage = "en";
            assertThat(api.get("/api/v1/accounts/999999/invoices", refreshed.getString("accessToken"))
                    .headers().firstValue("Content-Language")).as("the request's own choice first").hasValue("en");
        } finally {
            api.acceptLanguage = "en";
        }
    }

    @Test
    void aProfileIsOnlyEverOnesOwn() {
        api.put("/api/v1/me", alice, new JsonObject().put("name", "Alisa").put("address", "Chilonzor 1")
                .put("language", "ru"));
        // bob names alice's id in his update: the server takes the caller from the token only
        long aliceId = new JsonObject(api.get("/api/v1/me", alice).body()).getLong("id");
        JsonObject bobs = new JsonObject(api.put("/api/v1/me", bob, new JsonObject().put("id", aliceId)
                .put("name", "Bob").put("language", "en")).body());
        assertThat(bobs.getLong("id")).isNotEqualTo(aliceId);
        JsonObject alices = new JsonObject(api.get("/api/v1/me", alice).body());
        assertThat(alices.getString("name")).isEqualTo("Alisa");
        assertThat(alices.getString("language")).isEqualTo("ru");
        // nor can bob unlink or read alice's account
        assertThat(api.delete("/api/v1/me/accounts/" + data.electricityA.id(), bob).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + data.electricityA.id() + "/balance-history", bob).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + data.electricityA.id() + "/balance-history", alice).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theSlipPrintsThePayersNameAndAddressFromTheProfile() throws Exception {
        String carol = api.token("+998901000015");
        assertThat(api.link(carol, "electricity", "1000001").statusCode()).isIn(200, 201);
        api.put("/api/v1/me", carol, new JsonObject().put("name", "Zuhra Tojiyeva").put("address", "Yunusobod 4-17"));
        JsonObject invoice = new JsonObject(api.get("/api/v1/accounts/" + data.electricityA.id() + "/invoices", carol)
                .body()).getJsonArray("items").getJsonObject(0);
        HttpResponse<byte[]> pdf = api.getBytes("/api/v1/accounts/" + data.electricityA.id() + "/invoices/"
                + invoice.getLong("id") + "/payment-slip.pdf", carol);
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Zuhra Tojiyeva", "Yunusobod 4-17");
        }
    }

    @Test
    void numbersAreReadAsPeopleTypeThem() throws Exception {
        HttpResponse<String> sent = api.post("/api/v1/auth/otp", null, new JsonObject().put("phone", "90 111 22 33"));
        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(new JsonObject(sent.body()).getString("phone")).isEqualTo("+998901112233");
        String token = api.token("+998901112233");
        HttpResponse<String> linked = api.post("/api/v1/me/accounts", token, new JsonObject()
                .put("utility", "electricity").put("number", "1 000 002").put("code", api.linkCode("1000002")));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
        assertThat(new JsonObject(linked.body()).getString("number")).isEqualTo("1000002");
    }

    private static JsonObject problem(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isBetween(400, 499);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return new JsonObject(r.body());
    }

    static List<String> englishWords(String where, String text) {
        List<String> found = new ArrayList<>();
        // quoted input and addresses are the caller's own words, not the server's
        String words = text.replaceAll("«[^»]*»", " ").replaceAll("/\\S*", " ")
                .replaceAll("[A-Za-z]+([_.\\[][A-Za-z\\]_.]+)+", " ");
        for (String w : words.split("[^A-Za-z]+")) {
            if (MessageCatalogueTest.ENGLISH.contains(w.toLowerCase())) {
                found.add(where + ": " + w + " in «" + text + "»");
            }
        }
        return found;
    }
}

package uz.ekommunal.api.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.ApiError;

/** The appeals' refusals (AppealException, mapped by the API) in the language a request asks for. */
class AppealRefusalsLanguagesIT {

    private static AppealsFixture f;
    private static AppealsFixture.Person resident;

    @BeforeAll
    static void start() throws Exception {
        f = new AppealsFixture(Instant.parse("2026-01-16T06:00:00Z"));
        resident = f.person("+998901111177", Role.HOUSEHOLD);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void aMissingAppealInRussianAndUzbek() {
        JsonObject ru = problem("ru", "/api/v1/appeals/987654");
        assertThat(ru.getInteger("code")).isEqualTo(ApiError.APPEAL_NOT_FOUND.code());
        assertThat(ru.getString("field")).isEqualTo("id");
        assertThat(ru.getString("detail")).isEqualTo("Обращения 987654 нет");
        assertThat(problem("uz", "/api/v1/appeals/987654").getString("detail")).isEqualTo("987654 murojaati yoʻq");
        assertThat(problem("en", "/api/v1/appeals/987654").getString("detail")).isEqualTo("No appeal 987654");
    }

    @Test
    void aStepTheStatusDoesNotAllowInRussianAndUzbek() {
        HttpResponse<String> filed = f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901111177"));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        long id = new JsonObject(filed.body()).getLong("id");
        // a filed appeal not yet answered is not closed: the workflow refuses, in the reader's language
        String path = "/api/v1/me/appeals/" + id + "/close";
        JsonObject ru = send("ru", path);
        assertThat(ru.getInteger("code")).isEqualTo(ApiError.APPEAL_TRANSITION_NOT_ALLOWED.code());
        assertThat(new JsonObject(filed.body()).getString("status")).isEqualTo("sent");
        // the status and the step in the reader's words, not the workflow's codes (SENT, CLOSE)
        assertThat(ru.getString("detail")).isEqualTo("Обращение в статусе «Отправлено»: действие «закрытие» не допускается");
        assertThat(send("uz", path).getString("detail"))
                .isEqualTo("Murojaat «Yuborilgan» holatida: «yopish» amaliga ruxsat yoʻq");
        assertThat(send("en", path).getString("detail")).isEqualTo("An appeal that is sent does not allow closing");
    }

    @Test
    void theOrganisationIsNamedInTheReadersLanguage() {
        HttpResponse<String> filed = f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901111177"));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String path = "/api/v1/appeals/" + new JsonObject(filed.body()).getLong("id");
        JsonObject ru = new JsonObject(f.send(f.request(path, resident.token()).header("Accept-Language", "ru")
                .GET().build()).body());
        assertThat(ru.getString("organisationCode")).isEqualTo("hududgaztaminot");
        assertThat(ru.getString("organisation")).isEqualTo("Худудгазтаъминот (газоснабжение)");
        JsonObject en = new JsonObject(f.send(f.request(path, resident.token()).header("Accept-Language", "en")
                .GET().build()).body());
        assertThat(en.getString("organisation")).isEqualTo("Hududgaztaminot (gas supply)");
    }

    private static JsonObject problem(String language, String path) {
        return answer(f.send(f.request(path, resident.token()).header("Accept-Language", language).GET().build()),
                language);
    }

    private static JsonObject send(String language, String path) {
        return answer(f.send(f.request(path, resident.token()).header("Accept-Language", language)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build()), language);
    }

    private static JsonObject answer(HttpResponse<String> r, String language) {
        assertThat(r.headers().firstValue("Content-Language")).as(r.body()).hasValue(language);
        return new JsonObject(r.body());
    }
}

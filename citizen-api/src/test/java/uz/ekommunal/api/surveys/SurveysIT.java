package uz.ekommunal.api.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;

/**
 * Surveys' rules over HTTP on a real PostgreSQL: who publishes for whom, who is asked, answers that
 * fit the questions, once per household even when sent twice at the same moment, open and close
 * dates, the publisher's counts, percentages and CSV, and results public only after closing.
 */
class SurveysIT {

    static ApiFixture api;
    static Households data;
    static String admin;
    static String operator;
    static String resHousehold;
    static String gasHousehold;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        data = new Households(api);
        admin = api.token(ApiFixture.ADMIN_PHONE);
        api.api.users().setRole(PhoneNumber.parse("+998901000011").orElseThrow(), Role.OPERATOR, data.res.id());
        operator = api.token("+998901000011");
        resHousehold = api.token("+998901000001");
        gasHousehold = api.token("+998901000002");
        assertThat(api.link(resHousehold, "electricity", "1000001").statusCode()).isEqualTo(201);
        assertThat(api.link(gasHousehold, "gas", "20000001").statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    static JsonObject survey(Instant opens, Instant closes, boolean publicResults) {
        return new JsonObject().put("title", "Supply quality").put("opensAt", opens.toString())
                .put("closesAt", closes.toString()).put("publicResults", publicResults)
                .put("questions", new JsonArray()
                        .add(new JsonObject().put("kind", "SINGLE").put("text", "How is the supply?")
                                .put("options", new JsonArray().add("Good").add("Fair").add("Poor")))
                        .add(new JsonObject().put("kind", "MULTIPLE").put("text", "What troubles you?")
                                .put("options", new JsonArray().add("Outages").add("Voltage").add("Bills")))
                        .add(new JsonObject().put("kind", "TEXT").put("text", "Anything else?").put("required", false)));
    }

    static JsonObject openSurvey() {
        Instant now = api.clock.instant();
        return survey(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)), false);
    }

    static long publish(String token, JsonObject survey) {
        HttpResponse<String> r = api.post("/api/v1/surveys", token, survey);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return new JsonObject(r.body()).getLong("id");
    }

    static JsonObject answers(int single, List<Integer> multiple, String text) {
        JsonArray a = new JsonArray().add(new JsonObject().put("question", 1).put("options", new JsonArray().add(single)))
                .add(new JsonObject().put("question", 2).put("options", new JsonArray(multiple)));
        if (text != null) {
            a.add(new JsonObject().put("question", 3).put("text", text));
        }
        return new JsonObject().put("answers", a);
    }

    static HttpResponse<String> answer(String token, long id, JsonObject answers) {
        return api.post("/api/v1/surveys/" + id + "/responses", token, answers);
    }

    @Test
    void operatorsPublishForTheirOwnProvidersHouseholdsOnly() {
        HttpResponse<String> other = api.post("/api/v1/surveys", operator, openSurvey().put("providerId", data.raygaz.id()));
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(other.body()).getString("field")).isEqualTo("providerId");
        assertThat(api.post("/api/v1/surveys", resHousehold, openSurvey()).statusCode()).isEqualTo(403);

        long id = publish(operator, openSurvey());
        JsonObject shown = new JsonObject(api.get("/api/v1/surveys/" + id, resHousehold).body());
        assertThat(shown.getLong("providerId")).isEqualTo(data.res.id());
        assertThat(shown.getBoolean("answered")).isFalse();
        assertThat(ids(api.get("/api/v1/surveys", resHousehold))).contains(id);
        assertThat(ids(api.get("/api/v1/surveys", gasHousehold))).as("not one of RES's households").doesNotContain(id);
        assertThat(api.get("/api/v1/surveys/" + id, gasHousehold).statusCode()).isEqualTo(404);
        assertThat(answer(gasHousehold, id, answers(0, List.of(1), null)).statusCode()).isEqualTo(404);
    }

    @Test
    void answersMustFitTheQuestions() {
        long id = publish(admin, openSurvey());
        JsonObject twoChoices = answers(0, List.of(1), null);
        twoChoices.getJsonArray("answers").getJsonObject(0).put("options", new JsonArray().add(0).add(1));
        assertThat(problem(answer(resHousehold, id, twoChoices))).contains("Question 1: choose one option");
        assertThat(problem(answer(resHousehold, id, answers(3, List.of(1), null)))).contains("Question 1: choose options");
        JsonObject missing = new JsonObject().put("answers", new JsonArray()
                .add(new JsonObject().put("question", 1).put("options", new JsonArray().add(0))));
        assertThat(problem(answer(resHousehold, id, missing))).contains("Question 2 needs an answer");
        assertThat(api.get("/api/v1/surveys/" + id, resHousehold).body()).contains("\"answered\":false");

        assertThat(answer(resHousehold, id, answers(0, List.of(0, 2), "More notice of outages")).statusCode())
                .isEqualTo(201);
        HttpResponse<String> again = answer(resHousehold, id, answers(1, List.of(1), null));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(again.body()).getInteger("code")).isEqualTo(8742);
    }

    @Test
    void aDoubleSubmitAtTheSameMomentIsStoredOnce() throws Exception {
        long id = publish(admin, openSurvey());
        String household = api.token("+998901000005");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(pool.submit(() -> {
                go.await();
                return answer(household, id, answers(2, List.of(0), null)).statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : sent) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        try (Connection c = api.db.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
                "select (select count(*) from services.survey_responses where survey_id = ?),"
                        + " (select count(*) from services.survey_answers where survey_id = ?)")) {
            st.setLong(1, id);
            st.setLong(2, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getInt(2)).as("one answer to each of the two questions").isEqualTo(2);
            }
        }
    }

    @Test
    void answersAreTakenOnlyBetweenTheOpenAndCloseDates() {
        Instant now = api.clock.instant();
        long later = publish(admin, survey(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), false));
        long over = publish(admin, survey(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), false));
        for (long id : new long[] {later, over}) {
            HttpResponse<String> r = answer(resHousehold, id, answers(0, List.of(0), null));
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(new JsonObject(r.body()).getInteger("code")).isEqualTo(8743);
        }
        HttpResponse<String> bad = api.post("/api/v1/surveys", admin, survey(now, now.minus(Duration.ofHours(1)), false));
        assertThat(new JsonObject(bad.body()).getString("field")).isEqualTo("closesAt");
    }

    @Test
    void thePublisherSeesCountsPercentagesAndCsvAndThePublicOnlyAfterClosing() throws Exception {
        Instant now = api.clock.instant();
        long id = publish(admin, survey(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), true));
        assertThat(answer(api.token("+998901000021"), id, answers(0, List.of(0, 1), "Fine, thanks")).statusCode())
                .isEqualTo(201);
        assertThat(answer(api.token("+998901000022"), id, answers(0, List.of(0), null)).statusCode()).isEqualTo(201);
        assertThat(answer(api.token("+998901000023"), id, answers(2, List.of(2), "Bills come late")).statusCode())
                .isEqualTo(201);

        JsonObject results = new JsonObject(api.get("/api/v1/surveys/" + id + "/results", admin).body());
        assertThat(results.getInteger("responses")).isEqualTo(3);
        JsonArray single = results.getJsonArray("questions").getJsonObject(0).getJsonArray("options");
        assertThat(single.getJsonObject(0).getInteger("count")).isEqualTo(2);
        assertThat(single.getJsonObject(0).getString("percent")).isEqualTo("66.7");
        assertThat(single.getJsonObject(1).getString("percent")).isEqualTo("0.0");
        assertThat(single.getJsonObject(2).getString("percent")).isEqualTo("33.3");
        JsonArray multiple = results.getJsonArray("questions").getJsonObject(1).getJsonArray("options");
        assertThat(multiple.getJsonObject(0).getString("percent")).isEqualTo("66.7");
        assertThat(results.getJsonArray("questions").getJsonObject(2).getJsonArray("texts"))
                .containsExactlyInAnyOrder("Fine, thanks", "Bills come late");

        HttpResponse<String> csv = api.get("/api/v1/surveys/" + id + "/results.csv", admin);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String[] rows = csv.body().split("\r\n");
        assertThat(rows[0]).isEqualTo("question,kind,question_text,option,option_text,count,percent,answered");
        assertThat(rows[1]).isEqualTo("1,SINGLE,How is the supply?,0,Good,2,66.7,3");
        assertThat(rows).hasSize(1 + 3 + 3 + 2);
        assertThat(api.get("/api/v1/surveys/" + id + "/results", operator).statusCode())
                .as("a survey for everyone is the administrators'").isEqualTo(404);
        assertThat(api.get("/api/v1/surveys/" + id + "/results", resHousehold).statusCode()).isEqualTo(404);

        HttpResponse<String> early = api.get("/api/v1/public/surveys/" + id + "/results", null);
        assertThat(new JsonObject(early.body()).getInteger("code")).isEqualTo(8744);
        Instant before = api.clock.instant();
        api.clock.advance(Duration.ofHours(2));
        try {
            HttpResponse<String> pub = api.get("/api/v1/public/surveys/" + id + "/results", null);
            assertThat(pub.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(pub.body()).getInteger("responses")).isEqualTo(3);
        } finally {
            api.clock.set(before);
        }
    }

    @Test
    void aSurveyWrittenInUzbekAndRussianIsReadInTheReadersLanguage() throws Exception {
        JsonObject survey = openSurvey()
                .put("title", new JsonObject().put("uz", "Taʼminot sifati").put("ru", "Качество снабжения"))
                .put("description", "Tashkent, 2026");
        JsonObject first = survey.getJsonArray("questions").getJsonObject(0)
                .put("text", new JsonObject().put("uz", "Taʼminot qanday?").put("ru", "Как снабжение?"));
        first.put("options", new JsonArray().add(new JsonObject().put("uz", "Yaxshi").put("ru", "Хорошо"))
                .add(new JsonObject().put("ru", "Удовлетворительно")).add("Poor"));
        long id = publish(admin, survey);
        try {
            JsonObject ru = read("ru", id);
            assertThat(ru.getString("title")).isEqualTo("Качество снабжения");
            assertThat(ru.getString("description")).as("one text for everyone").isEqualTo("Tashkent, 2026");
            JsonObject q1 = ru.getJsonArray("questions").getJsonObject(0);
            assertThat(q1.getString("text")).isEqualTo("Как снабжение?");
            assertThat(q1.getJsonArray("options").getList()).containsExactly("Хорошо", "Удовлетворительно", "Poor");
            JsonObject uz = read("uz", id);
            assertThat(uz.getString("title")).isEqualTo("Taʼminot sifati");
            assertThat(uz.getJsonArray("questions").getJsonObject(0).getJsonArray("options").getList())
                    .as("Russian where no Uzbek was written").containsExactly("Yaxshi", "Удовлетворительно", "Poor");
            assertThat(read("en", id).getString("title")).as("no English: Uzbek").isEqualTo("Taʼminot sifati");
            assertThat(ru.getJsonObject("texts").getJsonObject("title").getMap())
                    .as("its publisher sees every language written").containsOnlyKeys("uz", "ru");
            api.acceptLanguage = "ru";
            assertThat(api.get("/api/v1/surveys/" + id + "/results.csv", admin).body()).contains("Как снабжение?,0,Хорошо");
        } finally {
            api.acceptLanguage = "en";
        }

        JsonObject german = openSurvey().put("title", new JsonObject().put("de", "Versorgung"));
        HttpResponse<String> bad = api.post("/api/v1/surveys", admin, german);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(bad.body()).getString("field")).isEqualTo("title");
        assertThat(new JsonObject(bad.body()).getString("detail")).contains("«uz», «ru», «en»");
        HttpResponse<String> empty = api.post("/api/v1/surveys", admin, openSurvey().put("title", new JsonObject().put("ru", " ")));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(empty.body()).getString("field")).isEqualTo("title");
    }

    private static JsonObject read(String language, long id) {
        api.acceptLanguage = language;
        HttpResponse<String> r = api.get("/api/v1/surveys/" + id, resHousehold);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private static List<Long> ids(HttpResponse<String> list) {
        assertThat(list.statusCode()).isEqualTo(200);
        JsonArray items = new JsonObject(list.body()).getJsonArray("items");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ids.add(items.getJsonObject(i).getLong("id"));
        }
        return ids;
    }

    private static String problem(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        return new JsonObject(r.body()).getString("detail");
    }
}

package uz.ekommunal.api.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of bad requests: each is a 4xx problem naming the field at fault (or, for a body that
 * is not a JSON object, an invalid-body problem), never a 500.
 */
class CalculatorBadInputIT {

    static TariffApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = new TariffApiFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    static String electricity(String consumption) {
        return "{\"utilities\":[{\"utility\":\"ELECTRICITY\",\"metered\":true,\"consumption\":" + consumption + "}]}";
    }

    static String withElectricity(String more) {
        return "{\"utilities\":[{\"utility\":\"ELECTRICITY\",\"metered\":true,\"consumption\":100}]," + more + "}";
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                // not a JSON object: 400 invalid body, no field
                Arguments.of("", 400, null),
                Arguments.of("{", 400, null),
                Arguments.of("{\"utilities\": [", 400, null),
                Arguments.of("[]", 400, null),
                Arguments.of("null", 400, null),
                Arguments.of("\"ELECTRICITY\"", 400, null),
                Arguments.of("42", 400, null),
                Arguments.of("{'utilities': []}", 400, null),
                Arguments.of("{\"utilities\":" + "[".repeat(5000) + "]".repeat(5000) + "}", 400, null),
                // utilities
                Arguments.of("{}", 400, "utilities"),
                Arguments.of("{\"utilities\":null}", 400, "utilities"),
                Arguments.of("{\"utilities\":\"ELECTRICITY\"}", 400, "utilities"),
                Arguments.of("{\"utilities\":{}}", 400, "utilities"),
                Arguments.of("{\"utilities\":[]}", 400, "utilities"),
                Arguments.of("{\"utilities\":[" + "{\"utility\":\"GARBAGE\"},".repeat(30) + "{\"utility\":\"GARBAGE\"}]}",
                        400, "utilities"),
                Arguments.of("{\"utilities\":[{\"utility\":\"GARBAGE\"},{\"utility\":\"garbage\"}]}", 400, "utilities"),
                Arguments.of("{\"utilities\":[1]}", 400, "utilities[0]"),
                Arguments.of("{\"utilities\":[null]}", 400, "utilities[0]"),
                Arguments.of("{\"utilities\":[{}]}", 400, "utilities[0].utility"),
                Arguments.of("{\"utilities\":[{\"utility\":5}]}", 400, "utilities[0].utility"),
                Arguments.of("{\"utilities\":[{\"utility\":\"\"}]}", 400, "utilities[0].utility"),
                Arguments.of("{\"utilities\":[{\"utility\":\"WATERFALL\"}]}", 400, "utilities[0].utility"),
                Arguments.of("{\"utilities\":[{\"utility\":\"ELECTRICITY\",\"metered\":\"yes\"}]}", 400,
                        "utilities[0].metered"),
                // consumption
                Arguments.of(electricity("-5"), 400, "utilities[0].consumption"),
                Arguments.of(electricity("-0.001"), 400, "utilities[0].consumption"),
                Arguments.of(electricity("100001"), 400, "utilities[0].consumption"),
                Arguments.of(electricity("1e9"), 400, "utilities[0].consumption"),
                Arguments.of(electricity("1e400"), 400, "utilities[0].consumption"),
                Arguments.of(electricity("-1e400"), 400, "utilities[0].consumption"),
                Arguments.of(electricity("\"1e999999999\""), 400, "utilities[0].consumption"),
                Arguments.of(electricity("\"1e-999999999\""), 400, "utilities[0].consumption"),
                Arguments.of(electricity("123456789012345678901234567890"), 400, "utilities[0].consumption"),
                Arguments.of(electricity("0.0000001"), 400, "utilities[0].consumption"),
                Arguments.of(electricity("\"abc\""), 400, "utilities[0].consumption"),
                Arguments.of(electricity("\"NaN\""), 400, "utilities[0].consumption"),
                Arguments.of(electricity("\"Infinity\""), 400, "utilities[0].consumption"),
                Arguments.of(electricity("true"), 400, "utilities[0].consumption"),
                Arguments.of(electricity("[300]"), 400, "utilities[0].consumption"),
                Arguments.of(electricity("{\"kWh\":300}"), 400, "utilities[0].consumption"),
                Arguments.of("{\"utilities\":[{\"utility\":\"ELECTRICITY\",\"metered\":true}]}", 400,
                        "utilities[0].consumption"),
                Arguments.of("{\"utilities\":[{\"utility\":\"ELECTRICITY\",\"metered\":true,\"consumption\":1},"
                        + "{\"utility\":\"NATURAL_GAS\",\"metered\":true,\"consumption\":-1}]}", 400,
                        "utilities[1].consumption"),
                // household
                Arguments.of(withElectricity("\"region\":\"ATLANTIS\""), 400, "region"),
                Arguments.of(withElectricity("\"region\":7"), 400, "region"),
                Arguments.of(withElectricity("\"householdClass\":\"PALACE\""), 400, "householdClass"),
                Arguments.of(withElectricity("\"residents\":-1"), 400, "residents"),
                Arguments.of(withElectricity("\"residents\":1000"), 400, "residents"),
                Arguments.of(withElectricity("\"residents\":2.5"), 400, "residents"),
                Arguments.of(withElectricity("\"residents\":\"many\""), 400, "residents"),
                Arguments.of(withElectricity("\"residents\":1e20"), 400, "residents"),
                Arguments.of(withElectricity("\"months\":0"), 400, "months"),
                Arguments.of(withElectricity("\"months\":121"), 400, "months"),
                Arguments.of(withElectricity("\"months\":10000000000"), 400, "months"),
                Arguments.of(withElectricity("\"heatedArea\":-10"), 400, "heatedArea"),
                Arguments.of(withElectricity("\"heatedArea\":1e7"), 400, "heatedArea"),
                Arguments.of(withElectricity("\"heatedArea\":\"big\""), 400, "heatedArea"),
                Arguments.of("{\"utilities\":[{\"utility\":\"HEATING\"}]}", 400, "heatedArea"),
                Arguments.of(withElectricity("\"needyFamily\":\"no\""), 400, "needyFamily"),
                // date
                Arguments.of(withElectricity("\"date\":\"2025-13-01\""), 400, "date"),
                Arguments.of(withElectricity("\"date\":\"2025-02-30\""), 400, "date"),
                Arguments.of(withElectricity("\"date\":\"yesterday\""), 400, "date"),
                Arguments.of(withElectricity("\"date\":\"+999999999-12-31\""), 400, "date"),
                Arguments.of(withElectricity("\"date\":\"1500-01-01\""), 400, "date"),
                Arguments.of(withElectricity("\"date\":20250101"), 400, "date"),
                Arguments.of(withElectricity("\"date\":\"2010-01-01\""), 422, "date"),
                Arguments.of(withElectricity("\"date\":\"2199-12-31\""), 200, null));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreClearProblemsNamingTheField(String body, int status, String field) {
        HttpResponse<String> response = api.post("/api/v1/calculator", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status == 200) {
            return;
        }
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getInteger("status")).isEqualTo(status);
        assertThat(problem.getString("field")).as(response.body()).isEqualTo(field);
        assertThat(problem.getString("detail")).isNotBlank().doesNotContain("items[");
        if (field == null) {
            assertThat(problem.getInteger("code")).isEqualTo(1003);
        }
    }

    @ParameterizedTest
    @MethodSource("badQueries")
    void badInformerQueriesAreClearProblemsNamingTheParameter(String query, int status, String field) {
        HttpResponse<String> response = api.get("/api/v1/tariffs?" + query);
        TariffApiIT.assertProblem(response, status, field);
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("region=ATLANTIS", 400, "region"),
                Arguments.of("householdClass=PALACE", 400, "householdClass"),
                Arguments.of("date=2016-02-30", 400, "date"),
                Arguments.of("date=06/01/2016", 400, "date"),
                Arguments.of("date=1900-01-01", 400, "date"),
                Arguments.of("date=2010-01-01", 422, "date"));
    }

    @org.junit.jupiter.api.Test
    void aBodyOverTheLimitIsRefused() {
        HttpResponse<String> response = api.post("/api/v1/calculator", "{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        assertThat(response.statusCode()).isBetween(400, 499);
    }
}

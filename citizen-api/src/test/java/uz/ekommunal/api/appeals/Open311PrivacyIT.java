package uz.ekommunal.api.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Open311 honours the resident's choice: personal (not listed) unless the client says
 * {@code attribute[public]=true}; a contact is required unless the operator allows anonymous requests.
 */
class Open311PrivacyIT {

    private static final String POST = "/open311/v2/requests.json";
    private static AppealsFixture strict;
    private static AppealsFixture lenient;

    @BeforeAll
    static void start() throws Exception {
        strict = new AppealsFixture(Instant.parse("2026-01-15T06:00:00Z"));
        lenient = new AppealsFixture(Instant.parse("2026-01-15T06:00:00Z"), null, s -> s.withOpen311Anonymous(true));
    }

    @AfterAll
    static void stop() throws Exception {
        strict.close();
        lenient.close();
    }

    private static String request(String extra) {
        return "api_key=" + AppealsFixture.OPEN311_KEY + "&service_code=cold_water&lat=41.3&long=69.2"
                + "&description=Pipe+burst" + extra;
    }

    @Test
    void personalUnlessThePersonSaysPublic() {
        String personal = number(strict.form(POST, request("&email=resident%40example.uz")));
        String stillPersonal = number(strict.form(POST, request("&phone=%2B998903333334&attribute%5Bpublic%5D=false")));
        String open = number(strict.form(POST, request("&phone=%2B998903333335&attribute%5Bpublic%5D=true")));

        assertThat(strict.get("/open311/v2/requests/" + personal + ".json", null).statusCode()).isEqualTo(404);
        assertThat(strict.get("/open311/v2/requests/" + stillPersonal + ".xml", null).statusCode()).isEqualTo(404);
        assertThat(strict.get("/open311/v2/requests/" + open + ".json", null).statusCode()).isEqualTo(200);
        JsonArray listed = new JsonArray(strict.get("/open311/v2/requests.json", null).body());
        assertThat(listed.stream().map(o -> ((io.vertx.core.json.JsonObject) o).getString("service_request_id")))
                .containsExactly(open);

        HttpResponse<String> unclear = strict.form(POST, request("&phone=%2B998903333336&attribute%5Bpublic%5D=maybe"));
        assertThat(unclear.statusCode()).isEqualTo(400);
        assertThat(new JsonArray(unclear.body()).getJsonObject(0).getString("description")).contains("public");
    }

    @Test
    void aContactIsRequiredUnlessThePolicyAllowsAnonymous() {
        HttpResponse<String> anonymous = strict.form(POST, request(""));
        assertThat(anonymous.statusCode()).isEqualTo(400);
        assertThat(new JsonArray(anonymous.body()).getJsonObject(0).getString("description")).contains("contact");
        HttpResponse<String> badEmail = strict.form(POST, request("&email=not-an-address"));
        assertThat(badEmail.statusCode()).isEqualTo(400);

        HttpResponse<String> allowed = lenient.form(POST, request(""));
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(201);
    }

    private static String number(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return new JsonArray(r.body()).getJsonObject(0).getString("service_request_id");
    }
}

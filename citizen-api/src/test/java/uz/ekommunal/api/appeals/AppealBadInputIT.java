package uz.ekommunal.api.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.auth.Role;

/** Bad input answered with a clear error naming what is wrong; Open311 errors in its own format. */
class AppealBadInputIT {

    private static AppealsFixture f;
    private static AppealsFixture.Person resident;
    private static long draft;

    @BeforeAll
    static void start() throws Exception {
        f = new AppealsFixture(Instant.parse("2026-01-15T06:00:00Z"));
        resident = f.person("+998901111113", Role.HOUSEHOLD);
        HttpResponse<String> r = f.json("POST", "/api/v1/me/appeals", resident.token(),
                new JsonObject().put("category", "gas").put("send", false));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        draft = new JsonObject(r.body()).getLong("id");
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void missingFieldsAreNamed() {
        HttpResponse<String> r = f.json("POST", "/api/v1/me/appeals/" + draft + "/send", resident.token(), null);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonObject p = new JsonObject(r.body());
        assertThat(p.getString("field")).isEqualTo("region");
        assertThat(p.getString("detail")).contains("region", "district", "subject", "text");
        HttpResponse<String> noTerms = f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901111113").put("termsAccepted", false));
        assertThat(new JsonObject(noTerms.body()).getString("field")).isEqualTo("termsAccepted");
        HttpResponse<String> badKind = f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901111113").put("kind", "petition"));
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(badKind.body()).getString("field")).isEqualTo("kind");
    }

    @Test
    void aHugeAttachmentIsRefusedBeforeItIsRead() {
        HttpResponse<String> r = f.upload(draft, "film.mp4", resident.token(), new byte[51 * 1024 * 1024], "video/mp4");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(new JsonObject(r.body()).getInteger("code")).isEqualTo(6005);
    }

    @Test
    void anImageOverItsLimitIsRefused() {
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(AppealJourneyIT.PNG, 0, big, 0, AppealJourneyIT.PNG.length);
        HttpResponse<String> r = f.upload(draft, "big.png", resident.token(), big, "image/png");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(new JsonObject(r.body()).getString("detail")).contains("10 MB");
    }

    @Test
    void aPageNamedLikeAPhotoIsRefused() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = f.upload(draft, "photo.jpg", resident.token(), html, "image/jpeg");
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(new JsonObject(r.body()).getString("detail")).contains("nomidan qatʼi nazar"); // Uzbek: no Accept-Language
    }

    @Test
    void open311PostWithoutKeyOrLocation() throws Exception {
        HttpResponse<String> noKey = f.form("/open311/v2/requests.json", "service_code=gas&lat=41.3&long=69.2");
        assertThat(noKey.statusCode()).isEqualTo(403);
        JsonObject error = new JsonArray(noKey.body()).getJsonObject(0);
        assertThat(error.getInteger("code")).isEqualTo(403);
        assertThat(error.getString("description")).contains("api_key");

        HttpResponse<String> noPlace = f.form("/open311/v2/requests.xml",
                "api_key=" + AppealsFixture.OPEN311_KEY + "&service_code=gas&description=no+gas");
        assertThat(noPlace.statusCode()).isEqualTo(400);
        var doc = AppealJourneyIT.parse(noPlace.body());
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("errors");
        assertThat(doc.getElementsByTagName("code").item(0).getTextContent()).isEqualTo("400");
        assertThat(doc.getElementsByTagName("description").item(0).getTextContent()).contains("lat and long");

        HttpResponse<String> ok = f.form("/open311/v2/requests.json", "api_key=" + AppealsFixture.OPEN311_KEY
                + "&service_code=cold_water&lat=41.3&long=69.2&description=Pipe+burst&phone=%2B998903333333"
                + "&attribute%5Bkind%5D=complaint&attribute%5Bpublic%5D=true");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        String id = new JsonArray(ok.body()).getJsonObject(0).getString("service_request_id");
        JsonObject got = new JsonArray(f.get("/open311/v2/requests/" + id + ".json", null).body()).getJsonObject(0);
        assertThat(got.getString("status")).isEqualTo("open");
        assertThat(got.getDouble("lat")).isEqualTo(41.3);

        HttpResponse<String> services = f.get("/open311/v2/services.xml", null);
        assertThat(AppealJourneyIT.parse(services.body()).getElementsByTagName("service").getLength()).isEqualTo(7);
        HttpResponse<String> def = f.get("/open311/v2/services/gas.json", null);
        assertThat(new JsonObject(def.body()).getJsonArray("attributes").getJsonObject(0).getString("code"))
                .isEqualTo("kind");
        assertThat(f.get("/open311/v2/services/nope.xml", null).statusCode()).isEqualTo(404);
    }
}

package uz.ekommunal.api.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.notify.OutboxMessage;

/**
 * A resident files a gas complaint with a photo; the gas company's officer accepts it and
 * forwards it to the water company, whose officer answers; the resident closes it. The SMS, My
 * appeals, access control and an Open311 client (JSON and XML) see the same story.
 */
class AppealJourneyIT {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    private static final String SCRIPT = "Leak! <script>alert('x')</script> & more";
    private static AppealsFixture f;

    /** The seeded organisations by the caller's language (the appeals pages list them), English as seeded. */
    @Test
    void organisationsAreNamedInTheCallersLanguage() {
        java.util.function.Function<String, String> list = language -> f.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + f.port() + "/api/v1/appeals-organisations"))
                .header("Accept-Language", language).GET().build()).body();
        assertThat(list.apply("ru")).contains("Сувсоз (водоснабжение и канализация)").doesNotContain("water supply");
        assertThat(list.apply("uz")).contains("Suvsoz (suv taʼminoti va kanalizatsiya)");
        assertThat(list.apply("en")).contains("Suvsoz (water supply and sewerage)");
    }

    @BeforeAll
    static void start() throws Exception {
        f = new AppealsFixture(Instant.parse("2026-01-15T06:00:00Z"));
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void complaintFromFilingToClosedSeenByResidentSmsAndOpen311() throws Exception {
        var admin = f.person("+998900000001", Role.ADMINISTRATOR);
        long gasCo = organisation("hududgaztaminot");
        long waterCo = organisation("suvsoz");
        var gasOfficer = f.officerOf("+998900000002", gasCo, admin);
        var waterOfficer = f.officerOf("+998900000003", waterCo, admin);
        var resident = f.person("+998901111111", Role.HOUSEHOLD);
        var neighbour = f.person("+998902222222", Role.HOUSEHOLD);

        // a draft, a photo, then sent
        HttpResponse<String> draft = f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901111111").put("text", SCRIPT).put("send", false));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        long id = new JsonObject(draft.body()).getLong("id");
        String number = new JsonObject(draft.body()).getString("number");
        assertThat(new JsonObject(draft.body()).getString("status")).isEqualTo("draft");
        HttpResponse<String> photo = f.upload(id, "leak.png", resident.token(), PNG, "text/html");
        assertThat(photo.statusCode()).as(photo.body()).isEqualTo(201);
        String photoUrl = new JsonObject(photo.body()).getString("url");
        HttpResponse<String> sent = f.json("POST", "/api/v1/me/appeals/" + id + "/send", resident.token(), null);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(new JsonObject(sent.body()).getLong("organisationId")).isEqualTo(gasCo);
        assertThat(new JsonObject(sent.body()).getString("dueOn")).isEqualTo("2026-01-30");

        // the neighbour cannot read it, nor its photo, nor act on it
        assertThat(f.get("/api/v1/appeals/" + id, neighbour.token()).statusCode()).isEqualTo(404);
        assertThat(f.getBytes(photoUrl, neighbour.token()).statusCode()).isEqualTo(404);
        assertThat(f.json("POST", "/api/v1/officer/appeals/" + id + "/accept", neighbour.token(), null).statusCode())
                .isEqualTo(403);
        // the water officer cannot act on the gas company's appeal yet
        HttpResponse<String> notTheirs = f.json("POST", "/api/v1/officer/appeals/" + id + "/accept",
                waterOfficer.token(), null);
        assertThat(notTheirs.statusCode()).as(notTheirs.body()).isEqualTo(404);

        f.clock.advance(Duration.ofHours(2));
        assertThat(act(gasOfficer, id, "accept", null).getString("status")).isEqualTo("accepted");
        f.clock.advance(Duration.ofDays(1));
        JsonObject forwarded = act(gasOfficer, id, "forward", new JsonObject().put("organisationId", waterCo)
                .put("note", "a water pipe, not gas"));
        assertThat(forwarded.getString("status")).isEqualTo("forwarded");
        assertThat(forwarded.getString("dueOn")).as("the clock restarts at the water company").isEqualTo("2026-02-02");
        f.clock.advance(Duration.ofDays(2));
        // the water company accepts it (the resident is told) before it may answer
        assertThat(act(waterOfficer, id, "accept", null).getString("status")).isEqualTo("accepted");
        JsonObject answered = act(waterOfficer, id, "answer", new JsonObject().put("text", "The pipe was repaired."));
        assertThat(answered.getString("status")).isEqualTo("answered");
        assertThat(f.json("POST", "/api/v1/me/appeals/" + id + "/close", resident.token(), null).statusCode())
                .isEqualTo(200);

        // SMS for sent, accepted, forwarded, accepted again (by the water company) and answered, each once
        f.dispatcher.dispatchDue();
        List<OutboxMessage> toResident = f.sms.sent().stream().filter(m -> m.recipient().equals("+998901111111"))
                .toList();
        assertThat(toResident).extracting(OutboxMessage::body).satisfiesExactly(
                b -> assertThat(b).contains(number, "sent to Hududgaztaminot", "2026-01-30"),
                b -> assertThat(b).contains("accepted for review"),
                b -> assertThat(b).contains("forwarded to Suvsoz"),
                b -> assertThat(b).contains("accepted for review by Suvsoz"),
                b -> assertThat(b).contains("answered by Suvsoz", "sent to your e-mail"));
        assertThat(f.outbox.status("appeal:" + id + ":1:" + waterCo + ":answered").orElseThrow().status())
                .isEqualTo("SENT");

        // My appeals: the row and every step
        JsonObject mine = new JsonObject(f.get("/api/v1/me/appeals?status=closed&service=gas", resident.token()).body());
        assertThat(mine.getInteger("total")).isEqualTo(1);
        JsonObject row = mine.getJsonArray("items").getJsonObject(0);
        assertThat(row.getString("number")).isEqualTo(number);
        assertThat(row.getString("organisation")).startsWith("Suvsoz");
        assertThat(row.getString("submittedAt")).isEqualTo("2026-01-15T06:00:00Z");
        assertThat(new JsonObject(f.get("/api/v1/me/appeals?number=M-0000-000000", resident.token()).body())
                .getInteger("total")).isZero();
        JsonObject detail = new JsonObject(f.get("/api/v1/appeals/" + id, resident.token()).body());
        assertThat(detail.getJsonArray("history").stream().map(h -> ((JsonObject) h).getString("action")))
                .containsExactly("save", "send", "accept", "forward", "accept", "answer", "close");
        assertThat(detail.getString("text")).as("stored as given").isEqualTo(SCRIPT);
        assertThat(detail.getString("answer")).isEqualTo("The pipe was repaired.");

        // the photo comes back as a download, never to be rendered as a page
        HttpResponse<byte[]> download = f.getBytes(photoUrl, resident.token());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PNG);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        // Open311 clients see the same request, closed, in JSON and XML
        HttpResponse<String> json = f.get("/open311/v2/requests.json?service_request_id=" + number, null);
        assertThat(json.statusCode()).isEqualTo(200);
        JsonObject request = new JsonArray(json.body()).getJsonObject(0);
        assertThat(request.getString("service_request_id")).isEqualTo(number);
        assertThat(request.getString("status")).isEqualTo("closed");
        assertThat(request.getString("service_code")).isEqualTo("gas");
        assertThat(request.getString("description")).isEqualTo(SCRIPT);
        assertThat(request.getString("requested_datetime")).isEqualTo("2026-01-15T11:00+05:00");
        HttpResponse<String> xml = f.get("/open311/v2/requests/" + number + ".xml", null);
        assertThat(xml.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
        assertThat(xml.body()).doesNotContain("<script>").contains("&lt;script&gt;");
        Element req = (Element) parse(xml.body()).getElementsByTagName("request").item(0);
        assertThat(text(req, "service_request_id")).isEqualTo(number);
        assertThat(text(req, "status")).isEqualTo("closed");
        assertThat(text(req, "description")).isEqualTo(SCRIPT);
        HttpResponse<String> closedList = f.get("/open311/v2/requests.xml?status=closed&service_code=gas"
                + "&start_date=2026-01-01T00:00:00%2B05:00", null);
        assertThat(parse(closedList.body()).getElementsByTagName("request").getLength()).isEqualTo(1);
        assertThat(new JsonArray(f.get("/open311/v2/requests.json?status=open", null).body())).isEmpty();

        // the public feed shows the question and its answer, without the phone or the address
        JsonObject feed = new JsonObject(f.get("/api/v1/appeals/public", null).body());
        JsonObject item = feed.getJsonArray("items").getJsonObject(0);
        assertThat(item.getString("answer")).isEqualTo("The pipe was repaired.");
        assertThat(item.containsKey("phone")).isFalse();
    }

    private static JsonObject act(AppealsFixture.Person who, long id, String action, JsonObject body) {
        HttpResponse<String> r = f.json("POST", "/api/v1/officer/appeals/" + id + "/" + action, who.token(), body);
        assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    static long organisation(String code) {
        JsonArray items = new JsonObject(f.get("/api/v1/appeals-organisations", null).body()).getJsonArray("items");
        return items.stream().map(o -> (JsonObject) o).filter(o -> o.getString("code").equals(code)).findFirst()
                .orElseThrow().getLong("id");
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }
}

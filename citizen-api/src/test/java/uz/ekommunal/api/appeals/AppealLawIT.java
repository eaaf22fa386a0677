package uz.ekommunal.api.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.notify.OutboxMessage;
import uz.ekommunal.api.notify.SmtpDelivery;
import uz.ekommunal.api.notify.SmtpSettings;

/**
 * Issue 19 end to end, on a real HTTP server, PostgreSQL and SMTP server (GreenMail, in the test,
 * on a free port): an appeal forwarded twice, accepted, extended and answered, with exactly the
 * expected notices, in order, in the resident's language, and its answer by e-mail.
 */
class AppealLawIT {

    private static GreenMail smtp;
    private static AppealsFixture f;
    private static AppealsFixture.Person admin;

    @BeforeAll
    static void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        SmtpDelivery mail = new SmtpDelivery(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(),
                "murojaat@e-kommunal.uz", null, null, false, Duration.ofSeconds(10)));
        // Thursday 15 January 2026, 11:00 in Tashkent
        f = new AppealsFixture(Instant.parse("2026-01-15T06:00:00Z"), mail, s -> s.withForwardLimit(3));
        admin = f.person("+998900000101", Role.ADMINISTRATOR);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
        smtp.stop();
    }

    @Test
    void forwardedTwiceAcceptedExtendedAndAnsweredWithEveryNoticeInRussian() throws Exception {
        long gas = organisation("hududgaztaminot");
        long water = organisation("suvsoz");
        long power = organisation("rec");
        var gasOfficer = f.officerOf("+998900000102", gas, admin);
        var waterOfficer = f.officerOf("+998900000103", water, admin);
        var powerOfficer = f.officerOf("+998900000104", power, admin);
        var resident = f.person("+998901234501", Role.HOUSEHOLD);

        JsonObject filed = created(f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901234501").put("language", "ru").put("email", "ivanova@example.uz")
                        .put("text", "The meter cabinet sparks when it rains.")));
        long id = filed.getLong("id");
        String number = filed.getString("number");

        f.clock.advance(Duration.ofHours(3));
        JsonObject first = act(gasOfficer, id, "forward", new JsonObject().put("organisationId", water));
        assertThat(first.getInteger("forwards")).isEqualTo(1);
        f.clock.advance(Duration.ofDays(1));
        JsonObject second = act(waterOfficer, id, "forward", new JsonObject().put("organisationId", power)
                .put("note", "electricity, not water"));
        assertThat(second.getInteger("forwards")).isEqualTo(2);
        // received Friday 16th: reject by Monday 19th, forward by Wednesday 21st, answer by Monday 2 February
        assertThat(second.getString("rejectBy")).isEqualTo("2026-01-19");
        assertThat(second.getString("forwardBy")).isEqualTo("2026-01-21");
        assertThat(second.getString("answerBy")).isEqualTo("2026-02-02");

        // not answered before the resident is told it was accepted
        HttpResponse<String> early = f.json("POST", "/api/v1/officer/appeals/" + id + "/answer", powerOfficer.token(),
                new JsonObject().put("text", "Fixed."));
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(new JsonObject(early.body()).getInteger("code")).isEqualTo(6002);

        f.clock.advance(Duration.ofHours(2));
        act(powerOfficer, id, "accept", null);
        JsonObject extended = act(powerOfficer, id, "extend", new JsonObject().put("reason", "нужна проверка сети"));
        assertThat(extended.getString("dueOn")).isEqualTo("2026-02-16");
        f.clock.advance(Duration.ofDays(5));
        act(powerOfficer, id, "answer", new JsonObject().put("text", "Щит заменён 21 января."));

        f.dispatcher.dispatchDue();
        List<String> sms = f.sms.sent().stream().filter(m -> m.recipient().equals("+998901234501"))
                .map(OutboxMessage::body).toList();
        assertThat(sms).containsExactly(
                "Обращение " + number + ": направлено в Худудгазтаъминот (газоснабжение). Срок ответа: 2026-01-30.",
                "Обращение " + number + ": перенаправлено в Сувсоз (водоснабжение и канализация), срок ответа: 2026-01-30.",
                "Обращение " + number + ": перенаправлено в Региональные электрические сети (РЭС), срок ответа: 2026-02-02.",
                "Обращение " + number + ": принято к рассмотрению (Региональные электрические сети (РЭС)). Срок ответа: "
                        + "2026-02-02.",
                "Обращение " + number + ": нужно дополнительное время (нужна проверка сети); срок ответа: 2026-02-16.",
                "Обращение " + number + ": получен ответ (Региональные электрические сети (РЭС)). Ответ отправлен на вашу "
                        + "электронную почту и есть в разделе «Мои обращения».");

        // the answer itself by e-mail, through the SMTP server, in Russian
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("ivanova@example.uz");
        assertThat(mails[0].getSubject()).isEqualTo("Ответ на ваше обращение " + number);
        assertThat(GreenMailUtil.getBody(mails[0])).isNotBlank();
        assertThat(mails[0].getContent().toString()).contains("Щит заменён 21 января.", number,
                "Региональные электрические сети (РЭС)");

        // and always on the page
        JsonObject page = new JsonObject(f.get("/api/v1/appeals/" + id, resident.token()).body());
        assertThat(page.getString("answer")).isEqualTo("Щит заменён 21 января.");
        assertThat(page.getInteger("forwards")).isEqualTo(2);
        // a repeat of the whole run sends nothing twice
        f.dispatcher.dispatchDue();
        assertThat(f.sms.sent().stream().filter(m -> m.recipient().equals("+998901234501"))).hasSize(6);
    }

    @Test
    void aRejectionNeedsReasonsAndTellsTheGroundInTheResidentsLanguage() throws Exception {
        var officer = f.officerOf("+998900000112", organisation("hududgaztaminot"), admin);
        var resident = f.person("+998901234502", Role.HOUSEHOLD);
        JsonObject filed = created(f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901234502").put("language", "uz").put("text", "GZ NT WRK PLS FX ASAP")));
        long id = filed.getLong("id");

        HttpResponse<String> bare = f.json("POST", "/api/v1/officer/appeals/" + id + "/reject", officer.token(),
                new JsonObject().put("reason", "unintelligible_abbreviations"));
        assertThat(bare.statusCode()).as(bare.body()).isEqualTo(400);
        assertThat(new JsonObject(bare.body()).getString("field")).isEqualTo("note");
        HttpResponse<String> thin = f.json("POST", "/api/v1/officer/appeals/" + id + "/reject", officer.token(),
                new JsonObject().put("reason", "unintelligible_abbreviations").put("note", "unclear"));
        assertThat(thin.statusCode()).as(thin.body()).isEqualTo(400);

        String reasons = "Matn faqat qisqartmalardan iborat, talabni aniqlab boʻlmadi.";
        JsonObject rejected = act(officer, id, "reject", new JsonObject().put("reason", "unintelligible_abbreviations")
                .put("note", reasons));
        assertThat(rejected.getString("rejectReason")).isEqualTo("UNINTELLIGIBLE_ABBREVIATIONS: " + reasons);
        f.dispatcher.dispatchDue();
        assertThat(f.sms.sent().stream().filter(m -> m.recipient().equals("+998901234502")).map(OutboxMessage::body)
                .toList()).last().asString()
                .contains("javobsiz qoldirildi", "Asos: tushunarsiz qisqartmalarda yozilgan", reasons)
                .doesNotContain("UNINTELLIGIBLE");
    }

    @Test
    void pastTheForwardLimitOnlyAnAdministratorForwards() throws Exception {
        long gas = organisation("hududgaztaminot");
        long water = organisation("suvsoz");
        var gasOfficer = f.officerOf("+998900000122", gas, admin);
        var waterOfficer = f.officerOf("+998900000123", water, admin);
        var resident = f.person("+998901234503", Role.HOUSEHOLD);
        long id = created(f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901234503").put("text", "Ping-pong " + System.nanoTime())))
                .getLong("id");
        act(gasOfficer, id, "forward", new JsonObject().put("organisationId", water));
        act(waterOfficer, id, "forward", new JsonObject().put("organisationId", gas));
        act(gasOfficer, id, "forward", new JsonObject().put("organisationId", water));

        JsonObject inbox = new JsonObject(f.get("/api/v1/officer/appeals?number="
                + number(id, resident), waterOfficer.token()).body()).getJsonArray("items").getJsonObject(0);
        assertThat(inbox.getInteger("forwards")).isEqualTo(3);
        assertThat(inbox.getBoolean("needsAdministrator")).isTrue();
        HttpResponse<String> fourth = f.json("POST", "/api/v1/officer/appeals/" + id + "/forward",
                waterOfficer.token(), new JsonObject().put("organisationId", gas));
        assertThat(fourth.statusCode()).as(fourth.body()).isEqualTo(409);
        assertThat(new JsonObject(fourth.body()).getInteger("code")).isEqualTo(6191);
        assertThat(act(admin, id, "forward", new JsonObject().put("organisationId", gas)).getInteger("forwards"))
                .isEqualTo(4);
        // the administrator's decision is in the audit log, the officers' steps in the appeal's history
        assertThat(f.audit.search(admin.id(), "appeal.forward", "appeal:" + id, null, null, 5)).singleElement()
                .satisfies(e -> {
                    assertThat(e.before().getInteger("forwards")).isEqualTo(3);
                    assertThat(e.after().getInteger("forwards")).isEqualTo(4);
                    assertThat(e.after().getLong("organisationId")).isEqualTo(gas);
                });
    }

    @Test
    void aReplyByPostIsQueuedWithAPrintableLetter() throws Exception {
        long gas = organisation("hududgaztaminot");
        var officer = f.officerOf("+998900000132", gas, admin);
        var resident = f.person("+998901234504", Role.HOUSEHOLD);
        var neighbour = f.person("+998901234505", Role.HOUSEHOLD);
        long id = created(f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901234504").put("replyChannel", "post").put("language", "uz")
                        .put("text", "Letter please " + System.nanoTime()))).getLong("id");
        act(officer, id, "accept", null);
        HttpResponse<String> noAnswerYet = f.get("/api/v1/appeals/" + id + "/letter.pdf", resident.token());
        assertThat(noAnswerYet.statusCode()).isEqualTo(409);
        act(officer, id, "answer", new JsonObject().put("text", "Bosim tiklandi, quvur almashtirildi."));

        JsonObject queue = new JsonObject(f.get("/api/v1/officer/appeals/to-print", officer.token()).body());
        assertThat(queue.getJsonArray("items").stream().map(o -> ((JsonObject) o).getLong("id"))).contains(id);

        HttpResponse<byte[]> pdf = f.getBytes("/api/v1/appeals/" + id + "/letter.pdf", officer.token());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("murojaatga javob", "Bosim tiklandi, quvur almashtirildi.", "Bunyodkor ko'chasi",
                "Hududgaztaminot");
        assertThat(f.getBytes("/api/v1/appeals/" + id + "/letter.pdf", resident.token()).statusCode()).isEqualTo(200);
        assertThat(f.getBytes("/api/v1/appeals/" + id + "/letter.pdf", neighbour.token()).statusCode())
                .isEqualTo(404);

        var waterOfficer = f.officerOf("+998900000133", organisation("suvsoz"), admin);
        assertThat(f.json("POST", "/api/v1/officer/appeals/" + id + "/printed", waterOfficer.token(), null)
                .statusCode()).as("not their organisation's letter").isEqualTo(404);
        long draft = created(f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901234504").put("send", false))).getLong("id");
        assertThat(f.json("POST", "/api/v1/officer/appeals/" + draft + "/printed", officer.token(), null)
                .statusCode()).as("a draft is nobody's letter").isEqualTo(404);
        assertThat(f.json("POST", "/api/v1/officer/appeals/" + id + "/printed", officer.token(), null).statusCode())
                .isEqualTo(200);
        assertThat(f.json("POST", "/api/v1/officer/appeals/" + id + "/printed", officer.token(), null).statusCode())
                .isEqualTo(409);
        JsonObject after = new JsonObject(f.get("/api/v1/officer/appeals/to-print", officer.token()).body());
        assertThat(after.getJsonArray("items").stream().map(o -> ((JsonObject) o).getLong("id"))).doesNotContain(id);
        f.dispatcher.dispatchDue();
        assertThat(f.sms.sent().stream().filter(m -> m.recipient().equals("+998901234504")).map(OutboxMessage::body)
                .toList()).last().asString().contains("pochta orqali");
    }

    @Test
    void aRepeatFromTheSamePersonIsFlaggedToTheOfficer() throws Exception {
        var officer = f.officerOf("+998900000142", organisation("hududgaztaminot"), admin);
        var resident = f.person("+998901234506", Role.HOUSEHOLD);
        String text = "No gas in block 7 since " + System.nanoTime();
        JsonObject first = created(f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901234506").put("text", text)));
        f.clock.advance(Duration.ofMinutes(4));
        JsonObject again = created(f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901234506").put("text", "  " + text.toUpperCase() + " ")));
        JsonObject other = created(f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901234506").put("text", "Another matter " + System.nanoTime())));
        assertThat(officerView(officer, again).getString("possibleDuplicateOf")).isEqualTo(first.getString("number"));
        assertThat(officerView(officer, first).getString("possibleDuplicateOf")).isNull();
        assertThat(officerView(officer, other).getString("possibleDuplicateOf")).isNull();
    }

    private static JsonObject officerView(AppealsFixture.Person officer, JsonObject appeal) {
        JsonArray items = new JsonObject(f.get("/api/v1/officer/appeals?number=" + appeal.getString("number"),
                officer.token()).body()).getJsonArray("items");
        assertThat(items).hasSize(1);
        return items.getJsonObject(0);
    }

    private static String number(long id, AppealsFixture.Person resident) {
        return new JsonObject(f.get("/api/v1/appeals/" + id, resident.token()).body()).getString("number");
    }

    static JsonObject created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return new JsonObject(r.body());
    }

    static JsonObject act(AppealsFixture.Person who, long id, String action, JsonObject body) {
        HttpResponse<String> r = f.json("POST", "/api/v1/officer/appeals/" + id + "/" + action, who.token(), body);
        assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    static long organisation(String code) {
        JsonArray items = new JsonObject(f.get("/api/v1/appeals-organisations", null).body()).getJsonArray("items");
        return items.stream().map(o -> (JsonObject) o).filter(o -> o.getString("code").equals(code)).findFirst()
                .orElseThrow().getLong("id");
    }
}

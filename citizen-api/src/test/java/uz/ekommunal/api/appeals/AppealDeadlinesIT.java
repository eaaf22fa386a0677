package uz.ekommunal.api.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.auth.Role;

/** Deadlines with a moved clock: after a weekend, an extension, the overdue list and counts, late actions refused. */
class AppealDeadlinesIT {

    private static AppealsFixture f;

    @BeforeAll
    static void start() throws Exception {
        // Friday 16 January 2026, 11:00 in Tashkent
        f = new AppealsFixture(Instant.parse("2026-01-16T06:00:00Z"));
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void dueAfterTheWeekendExtendedAndOverdue() throws Exception {
        var admin = f.person("+998900000011", Role.ADMINISTRATOR);
        var operator = f.person("+998900000012", Role.OPERATOR);
        // an operator sees the overdue list of the organisation an administrator assigned them to
        assertThat(f.json("PUT", "/api/v1/admin/appeal-officers/" + operator.id(), admin.token(),
                new JsonObject().put("organisationId", 1)).statusCode()).isEqualTo(200);
        var officer = f.officerOf("+998900000013", 1, admin);
        var resident = f.person("+998901111112", Role.HOUSEHOLD);

        // 15 days from Friday 16th end on Saturday 31st: due Monday 2 February
        JsonObject extendedOne = file(resident);
        JsonObject lateOne = file(resident);
        assertThat(extendedOne.getString("dueOn")).isEqualTo("2026-02-02");

        // Monday 19th: the day to reject (1 working day) has passed
        f.clock.advance(Duration.ofDays(3));
        HttpResponse<String> reject = f.json("POST", "/api/v1/officer/appeals/" + lateOne.getLong("id") + "/reject",
                officer.token(), new JsonObject().put("reason", "meaningless")
                        .put("note", "The text is a random sequence of letters with no request in it."));
        assertThat(reject.statusCode()).as(reject.body()).isEqualTo(200);
        f.clock.advance(Duration.ofDays(1));
        HttpResponse<String> tooLate = f.json("POST", "/api/v1/officer/appeals/" + extendedOne.getLong("id")
                + "/reject", officer.token(), new JsonObject().put("reason", "meaningless")
                        .put("note", "The text is a random sequence of letters with no request in it."));
        assertThat(tooLate.statusCode()).as(tooLate.body()).isEqualTo(409);
        assertThat(new JsonObject(tooLate.body()).getInteger("code")).isEqualTo(6003);

        JsonObject third = file(resident);
        HttpResponse<String> extended = f.json("POST", "/api/v1/officer/appeals/" + extendedOne.getLong("id")
                + "/extend", officer.token(), new JsonObject().put("reason", "an inspection of the riser is needed"));
        assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
        // one month from the 16th: Monday 16 February
        assertThat(new JsonObject(extended.body()).getString("dueOn")).isEqualTo("2026-02-16");
        assertThat(new JsonObject(extended.body()).getString("extensionReason")).contains("inspection");

        // Tuesday 3 February: the third (received Tuesday 20th, due 4 Feb) is not late, the extended one is not
        f.clock.advance(Duration.ofDays(15));
        assertThat(overdue(operator)).isEmpty();
        // Thursday 5 February: the third is overdue, and counted for its organisation
        f.clock.advance(Duration.ofDays(2));
        assertThat(overdue(operator)).containsExactly(third.getString("number"));
        JsonObject stats = new JsonObject(f.get("/api/v1/officer/appeals/stats", officer.token()).body());
        JsonObject gas = stats.getJsonArray("organisations").getJsonObject(0);
        assertThat(gas.getInteger("overdue")).isEqualTo(1);
        assertThat(gas.getInteger("open")).isEqualTo(2);
        assertThat(gas.getInteger("rejected")).isEqualTo(1);
        // residents do not see the overdue list
        assertThat(f.get("/api/v1/officer/appeals/overdue", resident.token()).statusCode()).isEqualTo(403);
        // after the 5 days a forward still goes, but only with the reason it is late, and is recorded as late
        HttpResponse<String> forward = f.json("POST", "/api/v1/officer/appeals/" + third.getLong("id") + "/forward",
                officer.token(), new JsonObject().put("organisationId", 2));
        assertThat(forward.statusCode()).as(forward.body()).isEqualTo(400);
        assertThat(new JsonObject(forward.body()).getString("field")).isEqualTo("reason");
        HttpResponse<String> late = f.json("POST", "/api/v1/officer/appeals/" + third.getLong("id") + "/forward",
                officer.token(), new JsonObject().put("organisationId", 2).put("reason", "the district was misfiled"));
        assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
        JsonObject lateForward = new JsonObject(f.get("/api/v1/officer/appeals/overdue", operator.token()).body())
                .getJsonArray("lateForwards").getJsonObject(0);
        assertThat(lateForward.getString("number")).isEqualTo(third.getString("number"));
        assertThat(lateForward.getLong("byUserId")).isEqualTo(officer.id());
        assertThat(lateForward.getString("reason")).contains("the district was misfiled");
        assertThat(lateForward.getLong("fromOrganisationId")).isEqualTo(1L);
        assertThat(lateForward.getLong("toOrganisationId")).isEqualTo(2L);
        JsonObject history = new JsonObject(f.get("/api/v1/appeals/" + third.getLong("id"), admin.token()).body());
        JsonObject step = history.getJsonArray("history").getJsonObject(history.getJsonArray("history").size() - 1);
        assertThat(step.getString("action")).isEqualTo("forward");
        assertThat(step.getBoolean("late")).isTrue();
    }

    private static java.util.List<String> overdue(AppealsFixture.Person who) {
        HttpResponse<String> r = f.get("/api/v1/officer/appeals/overdue", who.token());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("number")).toList();
    }

    private static JsonObject file(AppealsFixture.Person resident) {
        HttpResponse<String> r = f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901111112"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return new JsonObject(r.body());
    }
}

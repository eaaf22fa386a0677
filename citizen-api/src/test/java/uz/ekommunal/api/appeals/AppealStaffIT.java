package uz.ekommunal.api.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.audit.AuditEntry;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.notify.OutboxMessage;

/**
 * Administrators' side of issue 19: staff roles granted and revoked through the API (audited,
 * references checked, the lock picked by those who may not), and holidays added and removed with
 * open appeals' deadlines moved and their residents told.
 */
class AppealStaffIT {

    private static AppealsFixture f;
    private static AppealsFixture.Person admin;

    @BeforeAll
    static void start() throws Exception {
        // Thursday 15 January 2026, 11:00 in Tashkent
        f = new AppealsFixture(Instant.parse("2026-01-15T06:00:00Z"));
        admin = f.person("+998900000201", Role.ADMINISTRATOR);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void administratorsGrantAndRevokeStaffRolesAudited() throws Exception {
        long gas = AppealLawITs.organisation(f, "hududgaztaminot");
        var operator = f.person("+998900000202", Role.OPERATOR);
        var someone = f.person("+998900000203", Role.HOUSEHOLD);
        var resident = f.person("+998901234601", Role.HOUSEHOLD);
        String path = "/api/v1/admin/users/" + someone.id() + "/role";
        JsonObject officerRole = new JsonObject().put("role", "complaints_officer").put("organisationId", gas);

        // the lock: only administrators, only existing users and organisations, only staff roles
        assertThat(f.json("PUT", path, operator.token(), officerRole).statusCode()).isEqualTo(403);
        assertThat(f.json("PUT", path, someone.token(), officerRole).statusCode()).isEqualTo(403);
        HttpResponse<String> nobody = f.json("PUT", "/api/v1/admin/users/987654/role", admin.token(), officerRole);
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(nobody.body()).getInteger("code")).isEqualTo(6192);
        HttpResponse<String> noOrg = f.json("PUT", path, admin.token(),
                officerRole.copy().put("organisationId", 987654));
        assertThat(noOrg.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(noOrg.body()).getString("field")).isEqualTo("organisationId");
        assertThat(f.json("PUT", path, admin.token(), new JsonObject().put("role", "administrator")).statusCode())
                .isEqualTo(400);
        assertThat(f.json("PUT", path, admin.token(), new JsonObject().put("role", "complaints_officer"))
                .statusCode()).isEqualTo(400);
        assertThat(f.json("DELETE", "/api/v1/admin/users/" + admin.id() + "/role", admin.token(), null)
                .statusCode()).as("administrators come from configuration").isEqualTo(403);
        // the officers' table refuses people who are not there or not officers
        HttpResponse<String> ghost = f.json("PUT", "/api/v1/admin/appeal-officers/987654", admin.token(),
                new JsonObject().put("organisationId", gas));
        assertThat(ghost.statusCode()).isEqualTo(404);
        assertThat(f.json("PUT", "/api/v1/admin/appeal-officers/" + someone.id(), admin.token(),
                new JsonObject().put("organisationId", gas)).statusCode()).isEqualTo(400);

        // granted: the person works as the gas company's officer once signed in again
        HttpResponse<String> granted = f.json("PUT", path, admin.token(), officerRole);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(new JsonObject(granted.body()).getString("role")).isEqualTo("COMPLAINTS_OFFICER");
        var officer = f.signIn(someone.id());
        long id = AppealLawIT.created(f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901234601"))).getLong("id");
        assertThat(f.json("POST", "/api/v1/officer/appeals/" + id + "/accept", officer.token(), null).statusCode())
                .isEqualTo(200);

        // revoked: the old token no longer reaches the organisation's appeals, a new one is a household's
        HttpResponse<String> revoked = f.json("DELETE", path, admin.token(), null);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(new JsonObject(revoked.body()).getString("role")).isEqualTo("HOUSEHOLD");
        assertThat(f.json("POST", "/api/v1/officer/appeals/" + id + "/extend", officer.token(),
                new JsonObject().put("reason", "inspection")).statusCode()).isEqualTo(404);
        assertThat(f.get("/api/v1/officer/appeals", f.signIn(someone.id()).token()).statusCode()).isEqualTo(403);

        // operators too, with a provider billing knows
        HttpResponse<String> noProvider = f.json("PUT", path, admin.token(),
                new JsonObject().put("role", "operator").put("providerId", 987654));
        assertThat(noProvider.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(noProvider.body()).getString("field")).isEqualTo("providerId");
        HttpResponse<String> op = f.json("PUT", path, admin.token(),
                new JsonObject().put("role", "operator").put("providerId", 1));
        assertThat(op.statusCode()).as(op.body()).isEqualTo(200);
        assertThat(f.users.byId(someone.id()).orElseThrow().role()).isEqualTo(Role.OPERATOR);

        List<AuditEntry> grants = f.audit.search(null, "role.grant", "user:" + someone.id(), null, null, 10);
        assertThat(grants).hasSize(2);
        AuditEntry first = grants.get(1);
        assertThat(first.actorUserId()).isEqualTo(admin.id());
        assertThat(first.before().getString("role")).isEqualTo("HOUSEHOLD");
        assertThat(first.after().getString("role")).isEqualTo("COMPLAINTS_OFFICER");
        assertThat(first.after().getLong("organisationId")).isEqualTo(gas);
        List<AuditEntry> revokes = f.audit.search(null, "role.revoke", "user:" + someone.id(), null, null, 10);
        assertThat(revokes).singleElement().satisfies(e -> {
            assertThat(e.before().getString("role")).isEqualTo("COMPLAINTS_OFFICER");
            assertThat(e.after().getString("role")).isEqualTo("HOUSEHOLD");
        });
        assertThat(f.audit.search(null, "role.grant", "user:987654", null, null, 10)).as("refused: not recorded")
                .isEmpty();
    }

    @Test
    void aHolidayAddedOrRemovedMovesOpenDeadlinesAndTellsTheResident() throws Exception {
        var resident = f.person("+998901234602", Role.HOUSEHOLD);
        JsonObject filed = AppealLawIT.created(f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901234602").put("text", "Holiday case")));
        String number = filed.getString("number");
        // 15 days from Thursday 15 January: Friday 30 January
        assertThat(filed.getString("dueOn")).isEqualTo("2026-01-30");

        HttpResponse<String> added = f.json("PUT", "/api/v1/admin/holidays/2026-01-30", admin.token(),
                new JsonObject().put("name", "Transferred day off"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(new JsonObject(added.body()).getJsonArray("movedAppeals")).contains(number);
        assertThat(dueOn(resident, filed)).isEqualTo("2026-02-02");

        HttpResponse<String> removed = f.json("DELETE", "/api/v1/admin/holidays/2026-01-30", admin.token(), null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(dueOn(resident, filed)).isEqualTo("2026-01-30");
        assertThat(f.json("DELETE", "/api/v1/admin/holidays/2026-01-30", admin.token(), null).statusCode())
                .as("no longer a holiday").isEqualTo(404);
        assertThat(f.json("DELETE", "/api/v1/admin/holidays/2026-03-21", resident.token(), null).statusCode())
                .isEqualTo(403);

        f.dispatcher.dispatchDue();
        assertThat(f.sms.sent().stream().filter(m -> m.recipient().equals("+998901234602")).map(OutboxMessage::body))
                .containsExactly(
                        "Appeal " + number + ": sent to Hududgaztaminot (gas supply). Answer due by 2026-01-30.",
                        "Appeal " + number + ": the days off changed, so the answer is now due by 2026-02-02.",
                        "Appeal " + number + ": the days off changed, so the answer is now due by 2026-01-30.");
        assertThat(f.audit.search(admin.id(), "holiday.add", "holiday:2026-01-30", null, null, 5)).singleElement()
                .satisfies(e -> assertThat(e.after().getJsonArray("movedAppeals")).contains(number));
        assertThat(f.audit.search(admin.id(), "holiday.remove", "holiday:2026-01-30", null, null, 5)).hasSize(1);
    }

    private static String dueOn(AppealsFixture.Person resident, JsonObject appeal) {
        return new JsonObject(f.get("/api/v1/appeals/" + appeal.getLong("id"), resident.token()).body())
                .getString("dueOn");
    }
}

package uz.ekommunal.api.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.audit.AuditEntry;
import uz.ekommunal.api.auth.Role;

/**
 * Roles kept to their scope (issue 14, item 5): the appeals' global settings are administrators'
 * and audited; statistics and overdue lists show officers and operators their own organisation only.
 */
class AppealScopeIT {

    private static AppealsFixture f;
    private static AppealsFixture.Person admin;
    private static AppealsFixture.Person operator;

    @BeforeAll
    static void start() throws Exception {
        f = new AppealsFixture(Instant.parse("2026-01-16T06:00:00Z"));
        admin = f.person("+998900000021", Role.ADMINISTRATOR);
        operator = f.person("+998900000022", Role.OPERATOR);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void onlyAdministratorsChangeTheRoutingAndEachChangeIsAuditedWithBeforeAndAfter() throws Exception {
        JsonObject gasToElectricity = new JsonObject().put("routes", new JsonArray()
                .add(new JsonObject().put("category", "gas").put("organisationId", 2)));
        forbidden(f.json("PUT", "/api/v1/admin/appeal-routes", operator.token(), gasToElectricity));
        forbidden(f.json("PUT", "/api/v1/admin/appeal-routes", f.person("+998900000023",
                Role.COMPLAINTS_OFFICER).token(), gasToElectricity));
        assertThat(f.json("PUT", "/api/v1/admin/appeal-routes", null, gasToElectricity).statusCode()).isEqualTo(401);
        assertThat(f.audit.search(null, "appeal.route.change", null, null, null, 10)).isEmpty();
        // operators still read the table
        assertThat(f.get("/api/v1/admin/appeal-routes", operator.token()).statusCode()).isEqualTo(200);

        HttpResponse<String> changed = f.json("PUT", "/api/v1/admin/appeal-routes", admin.token(), gasToElectricity);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        List<AuditEntry> log = f.audit.search(null, "appeal.route.change", "appeal-route:gas/", null, null, 10);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).actorUserId()).isEqualTo(admin.id());
        assertThat(log.get(0).before().getLong("organisationId")).isEqualTo(1L);
        assertThat(log.get(0).after().getLong("organisationId")).isEqualTo(2L);
        // back as it was, for the other tests
        f.json("PUT", "/api/v1/admin/appeal-routes", admin.token(), new JsonObject().put("routes", new JsonArray()
                .add(new JsonObject().put("category", "gas").put("organisationId", 1))));
    }

    @Test
    void onlyAdministratorsSetHolidaysWhichMoveLegalDeadlines() throws Exception {
        JsonObject holiday = new JsonObject().put("name", "Invented day off");
        forbidden(f.json("PUT", "/api/v1/admin/holidays/2026-12-08", operator.token(), holiday));
        assertThat(f.audit.search(null, "holiday.add", null, null, null, 10)).isEmpty();

        assertThat(f.json("PUT", "/api/v1/admin/holidays/2026-12-08", admin.token(), holiday).statusCode())
                .isEqualTo(200);
        assertThat(f.json("PUT", "/api/v1/admin/holidays/2026-12-08", admin.token(),
                new JsonObject().put("name", "Constitution Day")).statusCode()).isEqualTo(200);
        List<AuditEntry> log = f.audit.search(null, "holiday.add", "holiday:2026-12-08", null, null, 10);
        assertThat(log).hasSize(2);
        // 8 December is seeded as Constitution Day: the first change shows it as before
        assertThat(log.get(1).before().getString("name")).isEqualTo("Constitution Day");
        assertThat(log.get(1).after().getString("name")).isEqualTo("Invented day off");
        assertThat(log.get(0).before().getString("name")).isEqualTo("Invented day off");
        assertThat(log.get(0).after().getString("name")).isEqualTo("Constitution Day");
    }

    @Test
    void statisticsAndOverdueListsShowOfficersAndOperatorsTheirOwnOrganisationOnly() throws Exception {
        var resident = f.person("+998901111199", Role.HOUSEHOLD);
        for (String category : List.of("gas", "electricity")) {
            HttpResponse<String> filed = f.json("POST", "/api/v1/me/appeals", resident.token(),
                    AppealsFixture.gasComplaint("+998901111199").put("category", category));
            assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        }
        var unassigned = f.person("+998900000024", Role.OPERATOR);
        forbidden(f.get("/api/v1/officer/appeals/stats", unassigned.token()));
        forbidden(f.get("/api/v1/officer/appeals/overdue", unassigned.token()));

        // an electricity operator, assigned to the electric networks (2), asks for gas (1): gets its own
        var electricity = f.person("+998900000025", Role.OPERATOR);
        HttpResponse<String> assigned = f.json("PUT", "/api/v1/admin/appeal-officers/" + electricity.id(),
                admin.token(), new JsonObject().put("organisationId", 2));
        assertThat(assigned.statusCode()).isEqualTo(200);
        assertThat(organisations(f.get("/api/v1/officer/appeals/stats?organisationId=1", electricity.token())))
                .containsExactly(2L);
        assertThat(f.get("/api/v1/officer/appeals/overdue?organisationId=1", electricity.token()).statusCode())
                .isEqualTo(200);
        var gasOfficer = f.officerOf("+998900000026", 1, admin);
        assertThat(organisations(f.get("/api/v1/officer/appeals/stats", gasOfficer.token()))).containsExactly(1L);
        // administrators see all
        assertThat(organisations(f.get("/api/v1/officer/appeals/stats", admin.token()))).contains(1L, 2L);
        // the assignment itself is audited
        AuditEntry assignment = f.audit.search(null, "appeal.officer.assign", "user:" + electricity.id(), null, null,
                10).get(0);
        assertThat(assignment.before()).isNull();
        assertThat(assignment.after().getLong("organisationId")).isEqualTo(2L);
        // households never
        forbidden(f.get("/api/v1/officer/appeals/stats", resident.token()));
    }

    private static List<Long> organisations(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getJsonArray("organisations").stream()
                .map(o -> ((JsonObject) o).getLong("organisationId")).toList();
    }

    private static void forbidden(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(new JsonObject(r.body()).getInteger("code")).isEqualTo(4007);
    }
}

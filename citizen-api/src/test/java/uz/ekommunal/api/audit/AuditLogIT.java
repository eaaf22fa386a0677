package uz.ekommunal.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.testing.ApiFixture;

class AuditLogIT {

    private static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void anEntryRecordedInARolledBackTransactionIsGoneAndACommittedOneIsReadByAdministratorsOnly() throws Exception {
        AuditLog log = api.api.audit();
        Caller operator = new Caller(77, Role.OPERATOR, 1L);
        try (Connection c = api.db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            log.record(c, operator, "meter.retire", "meter:ROLLED", null, new JsonObject().put("x", 1), "127.0.0.9");
            c.rollback();
        }
        log.record(operator, "meter.register", "meter:E42", null, new JsonObject().put("serial", "E42"), "127.0.0.9");
        log.record(null, "account.import", "account:1000001", new JsonObject().put("residents", 3),
                new JsonObject().put("residents", 5), null);

        String admin = api.token(ApiFixture.ADMIN_PHONE);
        HttpResponse<String> all = api.get("/api/v1/admin/audit", admin);
        assertThat(all.statusCode()).isEqualTo(200);
        JsonArray items = new JsonObject(all.body()).getJsonArray("items");
        assertThat(items).hasSize(2);
        JsonObject newest = items.getJsonObject(0);
        assertThat(newest.getString("action")).isEqualTo("account.import");
        assertThat(newest.getString("actorRole")).isEqualTo("SYSTEM");
        assertThat(newest.getJsonObject("before").getInteger("residents")).isEqualTo(3);
        assertThat(newest.getJsonObject("after").getInteger("residents")).isEqualTo(5);
        assertThat(items.getJsonObject(1).getLong("actorUserId")).isEqualTo(77L);
        assertThat(items.getJsonObject(1).getString("address")).isEqualTo("127.0.0.9");

        HttpResponse<String> meters = api.get("/api/v1/admin/audit?target=meter:", admin);
        assertThat(new JsonObject(meters.body()).getJsonArray("items")).hasSize(1);
        HttpResponse<String> byActor = api.get("/api/v1/admin/audit?actor=77&action=meter.register",
                admin);
        assertThat(new JsonObject(byActor.body()).getJsonArray("items")).hasSize(1);

        HttpResponse<String> household = api.get("/api/v1/admin/audit", api.token("+998901234567"));
        assertThat(household.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(household.body()).getInteger("code")).isEqualTo(4007);
        HttpResponse<String> badDate = api.get("/api/v1/admin/audit?from=yesterday", admin);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(badDate.body()).getString("field")).isEqualTo("from");
    }
}

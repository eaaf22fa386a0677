package uz.ekommunal.api.notices;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import uz.ekommunal.api.accounts.LinkedAccounts;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.billing.account.AccountLookups;
import uz.ekommunal.billing.account.LinkedMeter;
import uz.ekommunal.gateway.leak.LeakWatch;
import uz.ekommunal.gateway.verification.MeterVerification;
import uz.ekommunal.gateway.verification.MeterVerifications;

/**
 * {@code GET /api/v1/me/notices}: what the household's page shows beside its cards: each linked
 * meter's verification due date (status {@code VALID}, {@code DUE_SOON}, {@code OVERDUE}) and the
 * open leak alerts of its meters.
 */
public final class MyNoticeRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final DataSource dataSource;
    private final LinkedAccounts links;
    private final MeterVerifications verifications;
    private final LeakWatch leaks;

    public MyNoticeRoutes(Vertx vertx, Authenticate authenticate, DataSource dataSource, LinkedAccounts links,
            MeterVerifications verifications, LeakWatch leaks) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.dataSource = dataSource;
        this.links = links;
        this.verifications = verifications;
        this.leaks = leaks;
    }

    public void mount(Router router) {
        router.get("/api/v1/me/notices").handler(authenticate).handler(this::notices);
    }

    private void notices(RoutingContext ctx) {
        long user = RouteSupport.caller(ctx).userId();
        RouteSupport.blocking(vertx, ctx, () -> {
            List<Long> accounts = links.accountIds(user, null, LinkedAccounts.MAX_PER_USER);
            Map<Long, List<LinkedMeter>> meters;
            try (Connection c = dataSource.getConnection()) {
                meters = accounts.isEmpty() ? Map.of() : AccountLookups.meters(c, accounts);
            }
            List<String> serials = new ArrayList<>();
            List<Long> meterIds = new ArrayList<>();
            meters.values().forEach(list -> list.forEach(m -> {
                if (!serials.contains(m.serial())) {
                    serials.add(m.serial());
                    meterIds.add(m.meterId());
                }
            }));
            LocalDate today = verifications.today();
            JsonArray due = new JsonArray();
            for (MeterVerification v : serials.isEmpty() ? List.<MeterVerification>of() : verifications.ofSerials(serials)) {
                due.add(VerificationJson.of(v, today));
            }
            JsonArray alerts = new JsonArray();
            if (!meterIds.isEmpty()) {
                leaks.open(meterIds).forEach(a -> alerts.add(LeakJson.of(a)));
            }
            return new JsonObject().put("verifications", due).put("leaks", alerts);
        }, body -> RouteSupport.json(ctx, 200, body));
    }
}

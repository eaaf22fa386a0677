package uz.ekommunal.api.notices;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.api.operator.DeskAccess;
import uz.ekommunal.api.operator.MeterScope;
import uz.ekommunal.gateway.verification.MeterVerification;
import uz.ekommunal.gateway.verification.MeterVerifications;

/**
 * The operators' side of meter verification: {@code GET /api/v1/operator/meters/verification} lists
 * the meters in scope that are due soon or overdue (overdue first), and
 * {@code POST /api/v1/operator/meters/{serial}/verification {"verifiedOn":"2026-02-01"}} records
 * one (audited {@code meter.verification.record}). Another provider's meter answers 404.
 */
public final class VerificationRoutes {

    static final int MAX_LISTED = 1_000;

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final MeterVerifications verifications;
    private final MeterScope scope;
    private final AuditLog audit;

    public VerificationRoutes(Vertx vertx, Authenticate authenticate, MeterVerifications verifications,
            MeterScope scope, AuditLog audit) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.verifications = verifications;
        this.scope = scope;
        this.audit = audit;
    }

    public void mount(Router router) {
        router.get("/api/v1/operator/meters/verification").handler(authenticate).handler(this::list);
        router.post("/api/v1/operator/meters/:serial/verification").handler(authenticate).handler(this::record);
    }

    private void list(RoutingContext ctx) {
        Long provider = DeskAccess.scope(RouteSupport.caller(ctx));
        RouteSupport.blocking(vertx, ctx, () -> {
            LocalDate today = verifications.today();
            JsonArray meters = new JsonArray();
            for (MeterVerification v : verifications.noticeBy(today, MAX_LISTED)) {
                if (provider == null || scope.visible(provider, v.serial())) {
                    meters.add(VerificationJson.of(v, today));
                }
            }
            return new JsonObject().put("today", today.toString()).put("meters", meters);
        }, body -> RouteSupport.json(ctx, 200, body));
    }

    private void record(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        Long provider = DeskAccess.scope(caller);
        String serial = ctx.pathParam("serial");
        JsonObject body = RouteSupport.body(ctx);
        LocalDate day = day(RouteSupport.text(body, "verifiedOn", 10, true));
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            List<MeterVerification> before = new ArrayList<>(verifications.ofSerials(List.of(serial)));
            if (before.isEmpty() || provider != null && !scope.visible(provider, serial)) {
                throw ApiException.because(ApiError.METER_NOT_FOUND, "serial", "noMeterWithSerial", serial);
            }
            if (day.isAfter(verifications.today())) {
                throw ApiException.of(ApiError.VERIFICATION_IN_FUTURE, "verifiedOn", day.toString());
            }
            MeterVerification after = verifications.record(serial, day, "user:" + caller.userId()).orElseThrow();
            LocalDate today = verifications.today();
            JsonObject json = VerificationJson.of(after, today);
            audit.record(caller, "meter.verification.record", "meter:" + serial,
                    VerificationJson.of(before.get(0), today), json, address);
            return json;
        }, json -> RouteSupport.json(ctx, 200, json));
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.because(ApiError.INVALID_VALUE, "verifiedOn", "date", "verifiedOn");
        }
    }
}

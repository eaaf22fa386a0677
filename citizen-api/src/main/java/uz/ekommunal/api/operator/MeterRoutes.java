package uz.ekommunal.api.operator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uz.ekommunal.api.accounts.Cursors;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.api.http.QueryParams;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.modbus.ModbusEndpointStatus;
import uz.ekommunal.gateway.modbus.ModbusEndpoints;

/**
 * {@code POST /api/v1/operator/meters}, {@code .../meters/{serial}/replace}, {@code .../retire},
 * {@code POST /api/v1/operator/accounts/{accountId}/meters} and {@code GET /api/v1/operator/meters}.
 */
final class MeterRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final MeterDesk desk;
    private final MeterScope scope;
    private final ModbusEndpoints modbus;
    private final AuditLog audit;
    private final Clock clock;

    MeterRoutes(Vertx vertx, Authenticate authenticate, MeterDesk desk, MeterScope scope, ModbusEndpoints modbus,
            AuditLog audit, Clock clock) {
        this.audit = audit;
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.desk = desk;
        this.scope = scope;
        this.modbus = modbus;
        this.clock = clock;
    }

    void mount(Router router) {
        router.post("/api/v1/operator/meters").handler(authenticate).handler(this::register);
        router.get("/api/v1/operator/meters").handler(authenticate).handler(this::list);
        router.post("/api/v1/operator/meters/:serial/replace").handler(authenticate).handler(this::replace);
        router.post("/api/v1/operator/meters/:serial/retire").handler(authenticate).handler(this::retire);
        router.post("/api/v1/operator/meters/:serial/secret").handler(authenticate).handler(this::issueSecret);
        router.delete("/api/v1/operator/meters/:serial/secret").handler(authenticate).handler(this::revokeSecret);
        router.post("/api/v1/operator/accounts/:accountId/meters").handler(authenticate).handler(this::link);
    }

    private void register(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        DeskAccess.requireDesk(caller);
        JsonObject body = RouteSupport.body(ctx);
        NewMeter meter = MeterForms.meter(body, "serial", DeskFormFields.instant(body, "installedAt", clock.instant(), false));
        var endpoint = MeterForms.modbus(body, meter.serial());
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            Meter stored = desk.register(caller, meter, endpoint);
            audit.record(caller, "meter.register", "meter:" + stored.serial(), null, json(stored, null), address);
            // an MQTT meter gets its secret at registration, shown this once (never in the audit log)
            String secret = "mqtt".equals(stored.protocol()) ? desk.issueSecret(caller, stored.serial()) : null;
            return json(stored, null).put("secret", secret);
        }, created -> {
            ctx.response().putHeader("Cache-Control", "no-store");
            RouteSupport.json(ctx, 201, created);
        });
    }

    /** A new secret (the old one, if any, stops working): {@code {serial, user, secret}}, shown once. */
    private void issueSecret(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        DeskAccess.requireDesk(caller);
        String serial = MeterForms.checkSerial(ctx.pathParam("serial"), "serial");
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            String secret = desk.issueSecret(caller, serial);
            audit.record(caller, "meter.secret.issue", "meter:" + serial, null, null, address);
            return secret;
        }, secret -> {
            ctx.response().putHeader("Cache-Control", "no-store");
            RouteSupport.json(ctx, 201, new JsonObject().put("serial", serial).put("user", serial).put("secret", secret));
        });
    }

    private void revokeSecret(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        DeskAccess.requireDesk(caller);
        String serial = MeterForms.checkSerial(ctx.pathParam("serial"), "serial");
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            desk.revokeSecret(caller, serial);
            audit.record(caller, "meter.secret.revoke", "meter:" + serial, null, null, address);
            return serial;
        }, s -> ctx.response().setStatusCode(204).end());
    }

    private void replace(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        DeskAccess.requireDesk(caller);
        String oldSerial = MeterForms.checkSerial(ctx.pathParam("serial"), "serial");
        JsonObject body = RouteSupport.body(ctx);
        Instant at = DeskFormFields.instant(body, "at", null, true);
        FinalReadings.Value finalReading = FinalReadings.parse(body);
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            // the new meter is like the old one unless the body says otherwise
            Meter old = desk.visible(DeskAccess.scope(caller), oldSerial);
            JsonObject merged = new JsonObject().put("utility", old.utility()).put("protocol", old.protocol())
                    .put("registerDigits", old.registerDigits()).put("multiplier", old.multiplier().toPlainString())
                    .mergeIn(body);
            NewMeter next = MeterForms.meter(merged, "newSerial", at);
            Meter replacement = desk.replace(caller, oldSerial, next, at, MeterForms.modbus(body, next.serial()),
                    finalReading);
            audit.record(caller, "meter.replace", "meter:" + oldSerial, json(old, null),
                    json(replacement, null).put("replaces", oldSerial).put("at", at.toString()), address);
            return replacement;
        }, m -> RouteSupport.json(ctx, 201, json(m, null).put("replaces", oldSerial)));
    }

    private void retire(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        DeskAccess.requireDesk(caller);
        String serial = MeterForms.checkSerial(ctx.pathParam("serial"), "serial");
        Instant at = DeskFormFields.instant(RouteSupport.body(ctx), "at", null, true);
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            Meter before = desk.visible(DeskAccess.scope(caller), serial);
            Meter m = desk.retire(caller, serial, at);
            audit.record(caller, "meter.retire", "meter:" + serial, json(before, null), json(m, null), address);
            return m;
        }, m -> RouteSupport.json(ctx, 200, json(m, null)));
    }

    private void link(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        DeskAccess.requireDesk(caller);
        long accountId = RouteSupport.id(ctx, "accountId", ApiError.ACCOUNT_NOT_FOUND);
        JsonObject body = RouteSupport.body(ctx);
        String serial = MeterForms.serial(body, "serial");
        String register = MeterForms.register(body, "register", true);
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            Meter m = desk.link(caller, accountId, serial, register);
            audit.record(caller, "meter.link", "account:" + accountId, null,
                    new JsonObject().put("serial", m.serial()).put("register", register), address);
            return m;
        },
                m -> RouteSupport.json(ctx, 201, new JsonObject().put("accountId", accountId).put("serial", m.serial())
                        .put("register", register)));
    }

    /**
     * By serial, {@code limit} per page; {@code offline=true}: only polled meters that do not answer;
     * {@code serial}: only serials starting with it (any case).
     */
    private void list(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        Long provider = DeskAccess.scope(caller);
        String offline = ctx.request().getParam("offline");
        if (offline != null && !offline.equals("true") && !offline.equals("false")) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "offline", "offlineTrueFalse");
        }
        boolean onlyOffline = "true".equals(offline);
        String prefix = ctx.request().getParam("serial");
        if (prefix != null && (prefix.isEmpty() || !prefix.matches("[A-Za-z0-9_-]{1,40}"))) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "serial", "serialStartSerialLetters");
        }
        int limit = QueryParams.integer(ctx, "limit", 100, 1, 1000);
        String after = Cursors.decode(ctx.request().getParam("cursor"));
        RouteSupport.blocking(vertx, ctx, () -> {
            Map<String, ModbusEndpointStatus> polled = modbus.list().stream()
                    .collect(Collectors.toMap(ModbusEndpointStatus::serial, Function.identity(), (a, b) -> a));
            List<JsonObject> items = new ArrayList<>();
            String cursor = after;
            boolean rest = true;
            // offline meters are few: page through the scope and keep those that match
            while (items.size() < limit && rest) {
                List<Meter> page = scope.page(provider, null, prefix, cursor, limit);
                int i = 0;
                for (; i < page.size() && items.size() < limit; i++) {
                    Meter m = page.get(i);
                    cursor = m.serial();
                    ModbusEndpointStatus status = polled.get(m.serial());
                    if (!onlyOffline || (status != null && !status.online())) {
                        items.add(json(m, status));
                    }
                }
                rest = page.size() == limit || i < page.size();
            }
            Map<String, Instant> secrets = desk.secretsIssued(items.stream().map(i -> i.getString("serial")).toList());
            items.forEach(i -> {
                Instant issued = secrets.get(i.getString("serial"));
                i.put("hasSecret", issued != null).put("secretIssuedAt", issued == null ? null : issued.toString());
            });
            return new JsonObject().put("items", new JsonArray(items))
                    .put("nextCursor", rest && cursor != null ? Cursors.encode(cursor) : null);
        }, body -> RouteSupport.json(ctx, 200, body));
    }

    static JsonObject json(Meter m, ModbusEndpointStatus status) {
        JsonObject out = new JsonObject().put("serial", m.serial()).put("utility", m.utility())
                .put("protocol", m.protocol()).put("registerDigits", m.registerDigits())
                .put("multiplier", m.multiplier().toPlainString()).put("hasPsk", m.psk() != null)
                .put("installedAt", m.installedAt().toString())
                .put("replacedAt", m.replacedAt() == null ? null : m.replacedAt().toString());
        if (status != null) {
            out.put("modbus", new JsonObject().put("host", status.host()).put("port", status.port())
                    .put("unit", status.unitId()).put("map", status.registerMap())
                    .put("intervalSeconds", status.interval().toSeconds()).put("online", status.online())
                    .put("statusSince", status.statusSince() == null ? null : status.statusSince().toString())
                    .put("lastSuccess", status.lastSuccess() == null ? null : status.lastSuccess().toString())
                    .put("lastError", status.lastError()));
        }
        return out;
    }
}

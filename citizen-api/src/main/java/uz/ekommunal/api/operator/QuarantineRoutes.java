package uz.ekommunal.api.operator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import uz.ekommunal.api.accounts.Cursors;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.api.http.Languages;
import uz.ekommunal.api.http.Messages;
import uz.ekommunal.api.http.QueryParams;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.gateway.QuarantineDesk;
import uz.ekommunal.gateway.QuarantineDesk.Entry;

/**
 * {@code GET /api/v1/operator/quarantine?reason=&from=&limit=&cursor=}: what the gateway could
 * not store, newest first. An entry belongs to the provider of the meter its MQTT topic names;
 * entries naming no meter in scope (CoAP addresses, unknown serials) are for administrators.
 * The payload is data, never markup: JSON text when it is UTF-8, else base64.
 * {@code POST .../quarantine/{id}/replay} sends a payload kept for an unknown meter through ingest
 * once the meter is registered; {@code POST .../quarantine/{id}/discard} with {@code {"reason"}}
 * closes an entry. Both keep the entry (and write the audit log); neither can happen twice.
 */
final class QuarantineRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final QuarantineDesk quarantine;
    private final MeterScope scope;
    private final AuditLog audit;

    QuarantineRoutes(Vertx vertx, Authenticate authenticate, QuarantineDesk quarantine, MeterScope scope,
            AuditLog audit) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.quarantine = quarantine;
        this.scope = scope;
        this.audit = audit;
    }

    void mount(Router router) {
        router.get("/api/v1/operator/quarantine").handler(authenticate).handler(this::list);
        router.post("/api/v1/operator/quarantine/:id/replay").handler(authenticate).handler(this::replay);
        router.post("/api/v1/operator/quarantine/:id/discard").handler(authenticate).handler(this::discard);
    }

    private void list(RoutingContext ctx) {
        Long provider = DeskAccess.scope(RouteSupport.caller(ctx));
        String reason = ctx.request().getParam("reason");
        if (reason != null && !reason.matches("[a-z_]{1,40}")) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "reason", "reasonReasonLabelMalformed");
        }
        Instant from = QueryParams.instant(ctx, "from", null, BillingTime.ZONE);
        int limit = QueryParams.integer(ctx, "limit", 50, 1, 500);
        Position after = Position.decode(Cursors.decode(ctx.request().getParam("cursor")));
        Language language = Languages.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> page(provider, reason, from, after, limit, language),
                body -> RouteSupport.json(ctx, 200, body));
    }

    private JsonObject page(Long provider, String reason, Instant from, Position after, int limit, Language language)
            throws SQLException {
        Set<String> serials = provider == null ? null : scope.serials(provider);
        List<Entry> entries = quarantine.page(new QuarantineDesk.Query(reason, from,
                after == null ? null : new QuarantineDesk.Position(after.receivedAt(), after.id()), serials,
                limit + 1));
        JsonArray items = new JsonArray();
        for (Entry entry : entries.subList(0, Math.min(limit, entries.size()))) {
            items.add(entry(entry, language));
        }
        Entry last = entries.size() > limit ? entries.get(limit - 1) : null;
        return new JsonObject().put("items", items).put("nextCursor", last == null ? null
                : Cursors.encode(new Position(last.receivedAt(), last.id()).encode()));
    }

    private void replay(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        Long provider = DeskAccess.scope(caller);
        long id = RouteSupport.id(ctx, "id", ApiError.QUARANTINE_NOT_FOUND);
        String address = ClientAddress.of(ctx);
        Language language = Languages.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            visibleEntry(provider, id);
            QuarantineDesk.Result result = quarantine.replay(id, "user " + caller.userId());
            refuseUnlessDone(result, id);
            audit.record(caller, "quarantine.replay", "quarantine:" + id, null,
                    new JsonObject().put("stored", result.stored()), address);
            return entry(quarantine.find(id).orElseThrow(), language).put("stored", result.stored());
        }, body -> RouteSupport.json(ctx, 200, body));
    }

    private void discard(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        Long provider = DeskAccess.scope(caller);
        long id = RouteSupport.id(ctx, "id", ApiError.QUARANTINE_NOT_FOUND);
        String note = DeskFormFields.text(RouteSupport.body(ctx), "reason", 500, true);
        String address = ClientAddress.of(ctx);
        Language language = Languages.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            visibleEntry(provider, id);
            refuseUnlessDone(quarantine.discard(id, note, "user " + caller.userId()), id);
            audit.record(caller, "quarantine.discard", "quarantine:" + id, null,
                    new JsonObject().put("reason", note), address);
            return entry(quarantine.find(id).orElseThrow(), language);
        }, body -> RouteSupport.json(ctx, 200, body));
    }

    /** The entry, if the caller may see it: an operator only those naming a meter in its scope. */
    private Entry visibleEntry(Long provider, long id) throws SQLException {
        Entry entry = quarantine.find(id).orElse(null);
        if (entry == null || provider != null && (entry.serial() == null || !scope.visible(provider, entry.serial()))) {
            throw ApiException.of(ApiError.QUARANTINE_NOT_FOUND, "id", id);
        }
        return entry;
    }

    private static void refuseUnlessDone(QuarantineDesk.Result result, long id) {
        switch (result.outcome()) {
            case DONE -> {
            }
            case NOT_FOUND -> throw ApiException.of(ApiError.QUARANTINE_NOT_FOUND, "id", id);
            case ALREADY_RESOLVED -> throw ApiException.of(ApiError.QUARANTINE_RESOLVED, "id", id);
            case NOT_REPLAYABLE -> throw ApiException.of(ApiError.QUARANTINE_NOT_REPLAYABLE, "id", id);
            case METER_UNKNOWN -> throw ApiException.of(ApiError.QUARANTINE_METER_UNKNOWN, "id",
                    String.join(", ", result.unknown()));
        }
    }

    private static JsonObject entry(Entry entry, Language language) {
        String reason = entry.reason();
        // the code for filters and scripts; the words for the person at the desk
        String reasonText = Messages.has(language, "quarantine." + reason)
                ? Messages.text(language, "quarantine." + reason) : reason;
        JsonObject out = new JsonObject().put("id", entry.id()).put("receivedAt", entry.receivedAt().toString())
                .put("protocol", entry.protocol()).put("source", entry.source()).put("serial", entry.serial())
                .put("reason", reason).put("reasonText", reasonText).put("detail", entry.detail())
                .put("replayable", entry.resolution() == null && "unknown_meter".equals(reason)
                        && entry.payload() != null)
                .put("resolution", entry.resolution())
                .put("resolutionText", entry.resolution() == null ? null
                        : Messages.text(language, "quarantine.resolution." + entry.resolution()))
                .put("resolvedAt", entry.resolvedAt() == null ? null : entry.resolvedAt().toString())
                .put("resolvedBy", entry.resolvedBy()).put("resolutionNote", entry.note())
                .put("replayedReadings", entry.replayed());
        byte[] payload = entry.payload();
        String text = payload == null ? null : utf8(payload);
        out.put("payloadEncoding", payload == null ? null : text != null ? "utf-8" : "base64");
        out.put("payload", payload == null ? null : text != null ? text : Base64.getEncoder().encodeToString(payload));
        return out;
    }

    /** The text if the bytes are valid UTF-8, else null. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Where a page ends: the last entry's time and id (newest first, so the next page is older). */
    record Position(Instant receivedAt, long id) {

        String encode() {
            return receivedAt + "|" + id;
        }

        static Position decode(String text) {
            if (text == null) {
                return null;
            }
            int bar = text.indexOf('|');
            try {
                return new Position(Instant.parse(text.substring(0, bar)), Long.parseLong(text.substring(bar + 1)));
            } catch (RuntimeException e) {
                throw ApiException.because(ApiError.INVALID_PARAMETER, "cursor", "notCursorApiGave");
            }
        }
    }
}

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import javax.sql.DataSource;
import uz.ekommunal.api.accounts.Cursors;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.Languages;
import uz.ekommunal.api.http.Messages;
import uz.ekommunal.api.http.QueryParams;
import uz.ekommunal.billing.BillingTime;

/**
 * {@code GET /api/v1/operator/quarantine?reason=&from=&limit=&cursor=}: what the gateway could
 * not store, newest first. An entry belongs to the provider of the meter its MQTT topic names;
 * entries naming no meter in scope (CoAP addresses, unknown serials) are for administrators.
 * The payload is data, never markup: JSON text when it is UTF-8, else base64.
 */
final class QuarantineRoutes {

    /** The serial in a topic source ({@code mqtt:client:meters/E1/readings}). */
    private static final String SERIAL_OF_SOURCE = "substring(q.source from 'meters/([^/]+)/readings$')";

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final DataSource dataSource;
    private final MeterScope scope;

    QuarantineRoutes(Vertx vertx, Authenticate authenticate, DataSource dataSource, MeterScope scope) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.dataSource = dataSource;
        this.scope = scope;
    }

    void mount(Router router) {
        router.get("/api/v1/operator/quarantine").handler(authenticate).handler(this::list);
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
        String sql = "select q.id, q.received_at, q.protocol, q.source, q.reason, q.detail, q.payload"
                + " from gateway.quarantine q where (?::text is null or q.reason = ?)"
                + " and (?::timestamptz is null or q.received_at >= ?)"
                + " and (?::timestamptz is null or (q.received_at, q.id) < (?, ?))"
                + (provider == null ? "" : " and " + SERIAL_OF_SOURCE
                        + " in (select m.serial from gateway.meters m where " + MeterScope.CONDITION + ")")
                + " order by q.received_at desc, q.id desc limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            Timestamp fromTime = from == null ? null : Timestamp.from(from);
            Timestamp afterTime = after == null ? null : Timestamp.from(after.receivedAt());
            select.setString(1, reason);
            select.setString(2, reason);
            select.setTimestamp(3, fromTime);
            select.setTimestamp(4, fromTime);
            select.setTimestamp(5, afterTime);
            select.setTimestamp(6, afterTime);
            select.setLong(7, after == null ? 0 : after.id());
            int next = provider == null ? 8 : scope.bind(c, select, 8, provider);
            select.setInt(next, limit + 1);
            JsonArray items = new JsonArray();
            Position last = null;
            boolean more = false;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (items.size() == limit) {
                        more = true;
                        break;
                    }
                    last = new Position(rs.getTimestamp("received_at").toInstant(), rs.getLong("id"));
                    items.add(entry(rs, last, language));
                }
            }
            return new JsonObject().put("items", items)
                    .put("nextCursor", more ? Cursors.encode(last.encode()) : null);
        }
    }

    private static JsonObject entry(ResultSet rs, Position at, Language language) throws SQLException {
        String reason = rs.getString("reason");
        // the code for filters and scripts; the words for the person at the desk
        String reasonText = Messages.has(language, "quarantine." + reason)
                ? Messages.text(language, "quarantine." + reason) : reason;
        JsonObject out = new JsonObject().put("id", at.id()).put("receivedAt", at.receivedAt().toString())
                .put("protocol", rs.getString("protocol")).put("source", rs.getString("source"))
                .put("reason", reason).put("reasonText", reasonText).put("detail", rs.getString("detail"));
        byte[] payload = rs.getBytes("payload");
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

package uz.ekommunal.api.audit;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One audited change.
 *
 * @param actorUserId who made it; null for the system itself (a command-line import)
 * @param actorRole the actor's role at the time, or {@code SYSTEM}
 * @param action what was done, dotted: {@code meter.register}, {@code account.link.failed}
 * @param target what it was done to, as {@code kind:id}: {@code meter:E1000001}
 * @param before the state before (null when created), @param after the state after (null when removed)
 */
public record AuditEntry(long id, Instant at, Long actorUserId, String actorRole, String action, String target,
        JsonObject before, JsonObject after, String address) {

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("at", at.toString()).put("actorUserId", actorUserId)
                .put("actorRole", actorRole).put("action", action).put("target", target)
                .put("before", before).put("after", after).put("address", address);
    }
}

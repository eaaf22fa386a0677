package uz.ekommunal.api.notices;

import io.vertx.core.json.JsonObject;
import uz.ekommunal.gateway.leak.LeakAlert;

/** A leak alert as the pages read it. */
final class LeakJson {

    private LeakJson() {
    }

    static JsonObject of(LeakAlert a) {
        return new JsonObject().put("id", a.id()).put("serial", a.serial()).put("utility", a.utility())
                .put("kind", a.kind().name()).put("startedAt", a.startedAt().toString())
                .put("detectedAt", a.detectedAt().toString()).put("detail", a.detail());
    }
}

package uz.ekommunal.api.appeals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Small helpers the appeals ITs share. */
final class AppealLawITs {

    private AppealLawITs() {
    }

    static long organisation(AppealsFixture f, String code) {
        JsonArray items = new JsonObject(f.get("/api/v1/appeals-organisations", null).body()).getJsonArray("items");
        return items.stream().map(o -> (JsonObject) o).filter(o -> o.getString("code").equals(code)).findFirst()
                .orElseThrow().getLong("id");
    }
}

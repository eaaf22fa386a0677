package uz.ekommunal.tariff.planted;

import io.vertx.core.json.JsonObject;

/** A planted violation: the tariff engine reaching for a framework. Only the rules' own test imports it. */
public final class PricesOverHttp {

    public JsonObject price() {
        return new JsonObject().put("tiyin", 1);
    }
}

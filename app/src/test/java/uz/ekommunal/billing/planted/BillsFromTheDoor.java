package uz.ekommunal.billing.planted;

import io.vertx.core.json.JsonArray;
import uz.ekommunal.gateway.mqtt.MeterTopics;

/**
 * Planted violations: billing using Vert.x and reaching into the gateway's MQTT door. Only the
 * rules' own test imports it.
 */
public final class BillsFromTheDoor {

    public JsonArray topics() {
        return new JsonArray().add(MeterTopics.class.getSimpleName());
    }
}

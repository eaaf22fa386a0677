package uz.ekommunal.gateway.auth;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What the meter doors refused, by door and reason, for /metrics. */
public final class DoorCounters {

    /** Why a door refused a client or a message. */
    public enum Refusal {
        BAD_CREDENTIALS("mqtt", "bad_credentials"),
        NO_CREDENTIALS("mqtt", "no_credentials"),
        CERTIFICATE_NOT_METER("mqtt", "certificate_not_meter"),
        TOPIC_NOT_OWN("mqtt", "topic_not_own"),
        PACK_NOT_OWN("mqtt", "pack_not_own"),
        SUBSCRIBE_DENIED("mqtt", "subscribe_denied"),
        TOO_LARGE("mqtt", "too_large"),
        INFLIGHT_EXCEEDED("mqtt", "inflight_exceeded"),
        MALFORMED_BUDGET("mqtt", "malformed_budget"),
        COAP_KEYED_METER_PLAIN("coap", "keyed_meter_over_plain"),
        COAP_NOT_COAP_METER("coap", "not_a_coap_meter"),
        COAP_PLAIN_OFF("coap", "plain_off"),
        COAP_PACK_NOT_OWN("coaps", "pack_not_own"),
        COAP_TOO_LARGE("coap", "too_large");

        private final String door;
        private final String label;

        Refusal(String door, String label) {
            this.door = door;
            this.label = label;
        }

        public String door() {
            return door;
        }

        public String label() {
            return label;
        }
    }

    private final Map<Refusal, LongAdder> refused = new EnumMap<>(Refusal.class);
    private final LongAdder flagged = new LongAdder();

    public DoorCounters() {
        for (Refusal refusal : Refusal.values()) {
            refused.put(refusal, new LongAdder());
        }
    }

    public void refused(Refusal refusal) {
        refused.get(refusal).increment();
    }

    public void flagged() {
        flagged.increment();
    }

    public long count(Refusal refusal) {
        return refused.get(refusal).sum();
    }

    public long flaggedMeters() {
        return flagged.sum();
    }

    /** Prometheus text: {@code ekommunal_door_refused_total{door,reason}} and {@code ekommunal_meters_flagged_total}. */
    public String render() {
        StringBuilder out = new StringBuilder(1024);
        out.append("# HELP ekommunal_door_refused_total Connections and messages the meter doors refused, per door and reason.\n")
                .append("# TYPE ekommunal_door_refused_total counter\n");
        for (Refusal r : Refusal.values()) {
            out.append("ekommunal_door_refused_total{door=\"").append(r.door()).append("\",reason=\"")
                    .append(r.label()).append("\"} ").append(count(r)).append('\n');
        }
        out.append("# HELP ekommunal_meters_flagged_total Meters flagged and disconnected by a door (malformed-message budget spent).\n")
                .append("# TYPE ekommunal_meters_flagged_total counter\n")
                .append("ekommunal_meters_flagged_total ").append(flaggedMeters()).append('\n');
        return out.toString();
    }
}

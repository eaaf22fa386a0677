package uz.ekommunal.gateway.reading;

/** Why a payload or a reading was not stored. Each reason is counted and kept in quarantine. */
public enum RejectReason {
    MALFORMED_JSON("malformed_json"),
    INVALID_PACK("invalid_pack"),
    PACK_TOO_LARGE("pack_too_large"),
    INVALID_VALUE("invalid_value"),
    INVALID_TIME("invalid_time"),
    UNKNOWN_REGISTER("unknown_register"),
    UNKNOWN_UNIT("unknown_unit"),
    TOPIC_MISMATCH("topic_mismatch"),
    UNKNOWN_METER("unknown_meter");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    /** The name used in logs, metrics and the quarantine table. */
    public String label() {
        return label;
    }
}

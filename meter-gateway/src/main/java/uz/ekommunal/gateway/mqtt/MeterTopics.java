package uz.ekommunal.gateway.mqtt;

/** The MQTT topics meters publish on: {@code meters/{serial}/readings}. */
public final class MeterTopics {

    public static final String READINGS_FILTER = "meters/+/readings";

    private MeterTopics() {
    }

    /** The serial in a readings topic, or null if the topic is not one. */
    public static String serialOf(String topic) {
        if (!topic.startsWith("meters/") || !topic.endsWith("/readings")) {
            return null;
        }
        String serial = topic.substring("meters/".length(), topic.length() - "/readings".length());
        return serial.isEmpty() || serial.indexOf('/') >= 0 ? null : serial;
    }

    /** The subscription to take: shared among gateway instances when a group is given (MQTT v5). */
    public static String subscription(String sharedGroup) {
        return sharedGroup == null || sharedGroup.isBlank()
                ? READINGS_FILTER
                : "$share/" + sharedGroup + "/" + READINGS_FILTER;
    }

    /** MQTT topic filter matching with '+' and '#' wildcards. */
    public static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }
}

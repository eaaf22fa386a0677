package uz.ekommunal.api.appeals.open311;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * GeoReport v2 bodies in both formats from one neutral shape: a list of elements, each an ordered
 * map of fields (a value may be a nested list of maps, as a service definition's attributes and
 * values are). XML gets the UTF-8 declaration and every text escaped; JSON is an array.
 */
final class Open311Output {

    /** A nested list under an element, e.g. {@code <attributes><attribute>...}. */
    record Nested(String itemName, List<Map<String, Object>> items) {
    }

    private Open311Output() {
    }

    static void send(RoutingContext ctx, int status, String format, String root, String item,
            List<Map<String, Object>> elements) {
        boolean xml = "xml".equals(format);
        String body = xml ? xml(root, item, elements) : json(elements).encode();
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8")
                .putHeader("Access-Control-Allow-Origin", "*")
                .end(body);
    }

    /** A service definition is one object, not a list: its own root. */
    static void sendObject(RoutingContext ctx, String format, String root, Map<String, Object> fields) {
        boolean xml = "xml".equals(format);
        String body;
        if (xml) {
            StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            element(sb, root, fields);
            body = sb.toString();
        } else {
            body = object(fields).encode();
        }
        ctx.response().setStatusCode(200)
                .putHeader("Content-Type", xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8")
                .putHeader("Access-Control-Allow-Origin", "*")
                .end(body);
    }

    static String xml(String root, String item, List<Map<String, Object>> elements) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><").append(root).append('>');
        for (Map<String, Object> e : elements) {
            element(sb, item, e);
        }
        return sb.append("</").append(root).append('>').toString();
    }

    private static void element(StringBuilder sb, String name, Map<String, Object> fields) {
        sb.append('<').append(name).append('>');
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            Object v = f.getValue();
            if (v instanceof Nested n) {
                sb.append('<').append(f.getKey()).append('>');
                n.items().forEach(i -> element(sb, n.itemName(), i));
                sb.append("</").append(f.getKey()).append('>');
            } else if (v == null) {
                sb.append('<').append(f.getKey()).append("/>");
            } else {
                sb.append('<').append(f.getKey()).append('>').append(escape(v.toString()))
                        .append("</").append(f.getKey()).append('>');
            }
        }
        sb.append("</").append(name).append('>');
    }

    static JsonArray json(List<Map<String, Object>> elements) {
        JsonArray out = new JsonArray();
        elements.forEach(e -> out.add(object(e)));
        return out;
    }

    private static JsonObject object(Map<String, Object> fields) {
        JsonObject o = new JsonObject();
        fields.forEach((k, v) -> o.put(k, v instanceof Nested n ? json(n.items()) : v));
        return o;
    }

    /** XML text escaping; characters XML 1.0 cannot carry are dropped. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                            || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000) {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.toString();
    }
}

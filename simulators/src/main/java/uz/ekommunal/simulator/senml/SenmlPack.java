package uz.ekommunal.simulator.senml;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes SenML JSON packs (RFC 8428) the way the meters send them:
 * {@code [{"bn":"E1000001:","bt":1764000000,"n":"1-0:1.8.0","u":"kWh","v":1234.5},{"n":...,"t":900,...}]}.
 * The first record carries the base name and base time; later records give their time relative to it
 * (omitted when equal). Written by hand: it is the hot path of the load generator.
 */
public final class SenmlPack {
    private SenmlPack() {
    }

    /** The JSON text of a pack for meter {@code serial}. */
    public static String json(String serial, List<SenmlRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a pack needs at least one record");
        }
        long baseTime = records.get(0).time();
        StringBuilder out = new StringBuilder(40 + records.size() * 56);
        out.append('[');
        for (int i = 0; i < records.size(); i++) {
            SenmlRecord record = records.get(i);
            out.append(i == 0 ? "{" : ",{");
            if (i == 0) {
                out.append("\"bn\":");
                string(out, serial + ":");
                out.append(",\"bt\":").append(baseTime).append(',');
            }
            out.append("\"n\":");
            string(out, record.name());
            out.append(",\"u\":");
            string(out, record.unit());
            out.append(",\"v\":").append(record.value());
            long relative = record.time() - baseTime;
            if (relative != 0) {
                out.append(",\"t\":").append(relative);
            }
            out.append('}');
        }
        return out.append(']').toString();
    }

    /** The pack as UTF-8 bytes, ready to publish. */
    public static byte[] bytes(String serial, List<SenmlRecord> records) {
        return json(serial, records).getBytes(StandardCharsets.UTF_8);
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}

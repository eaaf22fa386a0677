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

    /**
     * The pack as UTF-8 bytes, ready to publish: the same bytes as {@link #json}'s text. Names, units and
     * values of printable ASCII without quotes or backslashes (all the meters have) are written straight
     * into one array of the exact size; anything else goes through the text.
     */
    public static byte[] bytes(String serial, List<SenmlRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a pack needs at least one record");
        }
        int size = size(serial, records);
        if (size < 0) {
            return json(serial, records).getBytes(StandardCharsets.UTF_8);
        }
        long baseTime = records.get(0).time();
        Ascii out = new Ascii(size);
        out.put('[');
        for (int i = 0; i < records.size(); i++) {
            SenmlRecord record = records.get(i);
            if (i == 0) {
                out.put("{\"bn\":\"").put(serial).put(":\",\"bt\":").put(baseTime).put(",\"n\":\"");
            } else {
                out.put(",{\"n\":\"");
            }
            out.put(record.name()).put("\",\"u\":\"").put(record.unit()).put("\",\"v\":").put(record.value());
            long relative = record.time() - baseTime;
            if (relative != 0) {
                out.put(",\"t\":").put(relative);
            }
            out.put('}');
        }
        return out.put(']').done();
    }

    /** The length of {@link #bytes}'s pack written directly, or -1 when a text needs escaping or UTF-8. */
    private static int size(String serial, List<SenmlRecord> records) {
        long baseTime = records.get(0).time();
        if (plain(serial) < 0 || baseTime == Long.MIN_VALUE) {
            return -1;
        }
        int size = 2 + 21 + plain(serial) + digits(baseTime); // [ ] and {"bn":"…:","bt":…,"n":"
        for (int i = 0; i < records.size(); i++) {
            SenmlRecord record = records.get(i);
            int name = plain(record.name());
            int unit = plain(record.unit());
            int value = plain(record.value());
            if (name < 0 || unit < 0 || value < 0) {
                return -1;
            }
            size += (i == 0 ? 0 : 7) + 14 + name + unit + value; // ,{"n":" then …","u":"…","v":…}
            long relative = record.time() - baseTime;
            if (relative != 0) {
                size += 5 + digits(relative); // ,"t":…
            }
        }
        return size;
    }

    /** The text's length when it goes out as it is (printable ASCII, no quote or backslash), else -1. */
    private static int plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return -1;
            }
        }
        return text.length();
    }

    /** Characters of the value's decimal text (comparisons, not divisions: this runs for every record). */
    private static int digits(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        long v = Math.abs(value);
        int n = 1;
        for (long limit = 10; n < 19 && v >= limit; limit *= 10) {
            n++;
        }
        return value < 0 ? n + 1 : n;
    }

    /** Bytes of ASCII text, written into an array of a known size. */
    private static final class Ascii {
        private final byte[] bytes;
        private int at;

        Ascii(int size) {
            bytes = new byte[size];
        }

        Ascii put(char c) {
            bytes[at++] = (byte) c;
            return this;
        }

        Ascii put(String text) {
            text.getBytes(0, text.length(), bytes, at); // checked plain ASCII: one byte per char
            at += text.length();
            return this;
        }

        Ascii put(long value) {
            if (value < 0) {
                put('-');
                value = -value; // Long.MIN_VALUE never gets here
            }
            int end = at + digits(value);
            for (int i = end - 1; i >= at; i--) {
                bytes[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            at = end;
            return this;
        }

        byte[] done() {
            if (at != bytes.length) {
                throw new IllegalStateException("SenML pack of " + at + " bytes, " + bytes.length + " expected");
            }
            return bytes;
        }
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

package uz.ekommunal.simulator.device;

import java.nio.charset.StandardCharsets;
import java.util.List;

import uz.ekommunal.simulator.senml.SenmlPack;
import uz.ekommunal.simulator.senml.SenmlRecord;

/** Broken payloads of the kinds field devices really send: each one a gateway must reject with a reason. */
public final class Malformed {
    /** How many kinds there are; {@link #payload} takes a kind from 0 to KINDS - 1. */
    public static final int KINDS = 6;

    private Malformed() {
    }

    /**
     * @param kind 0 truncated JSON, 1 NaN value, 2 value as a string, 3 unknown unit,
     *             4 no base name, 5 not JSON at all
     */
    public static byte[] payload(String serial, List<SenmlRecord> records, int kind) {
        String json = SenmlPack.json(serial, records);
        SenmlRecord first = records.get(0);
        String broken = switch (kind) {
            case 0 -> json.substring(0, json.length() / 2);
            case 1 -> json.replaceFirst("\"v\":[^,}]+", "\"v\":NaN");
            case 2 -> json.replaceFirst("\"v\":([^,}]+)", "\"v\":\"$1\"");
            case 3 -> json.replaceFirst("\"u\":\"" + first.unit() + "\"", "\"u\":\"furlong\"");
            case 4 -> json.replaceFirst("\"bn\":\"[^\"]*\",", "");
            case 5 -> "<reading meter=\"" + serial + "\">" + first.value() + "</reading>";
            default -> throw new IllegalArgumentException("no malformed payload of kind " + kind);
        };
        return broken.getBytes(StandardCharsets.UTF_8);
    }
}

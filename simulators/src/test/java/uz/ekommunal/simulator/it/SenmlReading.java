package uz.ekommunal.simulator.it;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The records of a SenML JSON pack, read back the way a gateway would resolve them (base name and base time applied). */
record SenmlReading(String serial, String name, String unit, long time, String value) {
    private static final Pattern RECORD = Pattern.compile("\\{([^}]*)}");
    private static final Pattern FIELD = Pattern.compile("\"(bn|bt|n|u|v|t)\":(\"[^\"]*\"|[^,}]+)");

    static List<SenmlReading> parse(String json) {
        if (!json.startsWith("[") || !json.endsWith("]")) {
            throw new AssertionError("not a SenML array: " + json);
        }
        List<SenmlReading> out = new ArrayList<>();
        String baseName = null;
        long baseTime = 0;
        Matcher record = RECORD.matcher(json);
        while (record.find()) {
            String name = null;
            String unit = null;
            String value = null;
            long time = 0;
            Matcher field = FIELD.matcher(record.group(1));
            while (field.find()) {
                String raw = field.group(2);
                String text = raw.startsWith("\"") ? raw.substring(1, raw.length() - 1) : raw;
                switch (field.group(1)) {
                    case "bn" -> baseName = text;
                    case "bt" -> baseTime = Long.parseLong(text);
                    case "n" -> name = text;
                    case "u" -> unit = text;
                    case "v" -> value = text;
                    case "t" -> time = Long.parseLong(text);
                    default -> throw new AssertionError(field.group(1));
                }
            }
            if (baseName == null || !baseName.endsWith(":")) {
                throw new AssertionError("base name must be serial followed by ':' in " + json);
            }
            out.add(new SenmlReading(baseName.substring(0, baseName.length() - 1), name, unit, baseTime + time, value));
        }
        return out;
    }
}

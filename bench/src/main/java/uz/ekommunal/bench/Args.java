package uz.ekommunal.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --key value} command-line options of the bench tools. */
final class Args {

    private final Map<String, String> values;

    private Args(Map<String, String> values) {
        this.values = values;
    }

    static Args parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --key value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new Args(values);
    }

    /** The value, else {@code fallback}; a null fallback makes the option required. */
    String get(String key, String fallback) {
        String v = values.getOrDefault(key, fallback);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    /** The value, or null when the option was not given. */
    String optional(String key) {
        return values.get(key);
    }
}

package uz.ekommunal.platform.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration, loaded once and then frozen: each key from its environment variable or its
 * default. Every invalid value is reported at once, each naming its key; start-up stops. Each
 * module declares its own keys next to its settings record and builds that record from here
 * (e.g. {@code BillingSettings.from(config)}); the launcher lists every module's keys.
 */
public final class Config {

    private final List<Setting<?>> settings;
    private final Map<Setting<?>, Object> values;
    private final Map<Setting<?>, String> sources;

    private Config(List<Setting<?>> settings, Map<Setting<?>, Object> values, Map<Setting<?>, String> sources) {
        this.settings = settings == null ? null : List.copyOf(settings);
        this.values = Map.copyOf(values);
        this.sources = Map.copyOf(sources);
    }

    /**
     * The given keys, each from {@code environment} or its default.
     *
     * @throws ConfigException listing every invalid value with its key
     */
    public static Config load(List<Setting<?>> settings, Map<String, String> environment) {
        Map<Setting<?>, Object> values = new HashMap<>();
        Map<Setting<?>, String> sources = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Setting<?> setting : settings) {
            String raw = environment.get(setting.name());
            String source = raw == null ? "default" : "environment";
            String text = raw == null ? setting.defaultValue() : raw;
            try {
                Object value = setting.parser().apply(text);
                if (value != null) {
                    values.put(setting, value);
                }
                sources.put(setting, source);
            } catch (IllegalArgumentException e) {
                problems.add(setting.name() + "='" + text + "' " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("Invalid configuration:\n  " + String.join("\n  ", problems));
        }
        return new Config(settings, values, sources);
    }

    /** Every key at its default, whoever declares it: for tests and tools that build a module's settings. */
    public static Config defaults() {
        return new Config(null, Map.of(), Map.of());
    }

    /**
     * The value, or null for an optional key that is not set.
     *
     * @throws IllegalStateException if the key is not among those loaded (its environment variable
     *     would be ignored)
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        if (settings == null) {
            return setting.parsedDefault();
        }
        if (!sources.containsKey(setting)) {
            throw new IllegalStateException(setting.name() + " is not among the configuration's keys");
        }
        return (T) values.get(setting);
    }

    /** Passwords, secrets and keys (Payme's cashbox keys, Click's secret, the JWT secret) are never printed. */
    private static boolean secret(String name) {
        return name.contains("PASSWORD") || name.contains("SECRET") || name.endsWith("_KEY") || name.endsWith("_KEYS");
    }

    /** A table of every key, its value (passwords hidden) and where it came from. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (Setting<?> setting : settings == null ? List.<Setting<?>>of() : settings) {
            Object value = values.get(setting);
            String shown = value == null ? "" : secret(setting.name()) ? "***" : value.toString();
            out.append(String.format("%-32s %-28s (%s) %s%n", setting.name(), shown, sources.get(setting),
                    setting.description()));
        }
        return out.toString();
    }
}

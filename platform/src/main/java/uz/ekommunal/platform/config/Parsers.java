package uz.ekommunal.platform.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;

/** Parsers for configuration values; each says what a valid value is when it refuses one. */
public final class Parsers {

    private Parsers() {
    }

    public static Function<String, String> text() {
        return value -> value;
    }

    /** Empty means "not set" (e.g. use the embedded default). */
    public static Function<String, String> optional() {
        return value -> value.isBlank() ? null : value.strip();
    }

    public static Function<String, Boolean> flag() {
        return value -> switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    public static Function<String, Integer> integer(int min, int max) {
        return value -> {
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
        };
    }

    public static Function<String, Integer> port() {
        Function<String, Integer> range = integer(0, 65535);
        return value -> {
            try {
                return range.apply(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be a port number from 0 to 65535 (0: any free port)");
            }
        };
    }

    public static Function<String, Path> path() {
        return value -> {
            if (value.isBlank()) {
                throw new IllegalArgumentException("must be a folder path");
            }
            return Path.of(value.strip());
        };
    }

    /** A file path; empty means "not set". */
    public static Function<String, Path> optionalPath() {
        return value -> value.isBlank() ? null : Path.of(value.strip());
    }

    /** One of a few words. */
    public static Function<String, String> oneOf(String... choices) {
        return value -> {
            for (String choice : choices) {
                if (choice.equalsIgnoreCase(value.strip())) {
                    return choice;
                }
            }
            throw new IllegalArgumentException("must be one of " + String.join(", ", choices));
        };
    }

    public static Function<String, String> jdbcUrl() {
        return value -> {
            if (value.isBlank()) {
                return null;
            }
            if (!value.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("must be a PostgreSQL JDBC URL, e.g. jdbc:postgresql://db:5432/ekommunal");
            }
            return value.strip();
        };
    }

    /** An http:// or https:// URL with a host; empty means "not set". */
    public static Function<String, String> httpUrl() {
        return url(Set.of("http", "https"), "must be an http:// or https:// URL");
    }

    public static Function<String, String> mqttUrl() {
        return url(Set.of("tcp", "ssl"), "must be a broker URL such as tcp://broker:1883 or ssl://broker:8883");
    }

    private static Function<String, String> url(Set<String> schemes, String expected) {
        return value -> {
            if (value.isBlank()) {
                return null;
            }
            URI uri;
            try {
                uri = URI.create(value.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(expected);
            }
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(expected);
            }
            return value.strip();
        };
    }
}

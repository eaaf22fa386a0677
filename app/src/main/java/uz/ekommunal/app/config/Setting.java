package uz.ekommunal.app.config;

import java.util.function.Function;

/**
 * One configuration key: its environment variable, default, description and parser. A parser
 * throws {@link IllegalArgumentException} with a message saying what a valid value looks like.
 */
public record Setting<T>(String name, String defaultValue, String description, Function<String, T> parser) {
}

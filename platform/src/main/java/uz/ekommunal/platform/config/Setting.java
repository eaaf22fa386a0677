package uz.ekommunal.platform.config;

import java.util.function.Function;

/**
 * One configuration key: its environment variable, default, description and parser. A parser
 * throws {@link IllegalArgumentException} with a message saying what a valid value looks like.
 * The default written here is the key's only default: code that needs it asks {@link #parsedDefault()}.
 */
public record Setting<T>(String name, String defaultValue, String description, Function<String, T> parser) {

    /** The default, parsed (null for an optional key whose default is empty). */
    public T parsedDefault() {
        return parser.apply(defaultValue);
    }
}

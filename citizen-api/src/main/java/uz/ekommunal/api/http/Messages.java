package uz.ekommunal.api.http;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import uz.ekommunal.api.appeals.Language;

/**
 * Everything the server says to a person outside the appeals' letters, from the catalogues
 * {@code messages_uz/ru/en.properties}: problem titles and details, sign-in SMS, utility and unit
 * names, organisation names. No fallback between languages (a missing key is a bug the catalogue
 * test catches, not an English line on a Russian page). Patterns are {@link MessageFormat}s.
 */
public final class Messages {

    static final String BUNDLE = "messages";

    private Messages() {
    }

    public static ResourceBundle bundle(Language language) {
        return ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static boolean has(Language language, String key) {
        return bundle(language).containsKey(key);
    }

    public static String text(Language language, String key, Object... args) {
        String pattern = bundle(language).getString(key);
        return args.length == 0 ? new MessageFormat(pattern, language.locale()).format(new Object[0])
                : new MessageFormat(pattern, language.locale()).format(plain(language, args));
    }

    /** Another catalogue text as an argument, read in the same language, e.g. a utility's name. */
    public record Ref(String key) {
    }

    /** Several values read in the language and listed with commas, e.g. utilities' names. */
    public record Joined(java.util.List<Object> items) {
    }

    public static Ref ref(String key) {
        return new Ref(key);
    }

    /** A utility's or account family's name: {@code utility.ELECTRICITY}, {@code utility.HOT_WATER_HEATING}, ... */
    public static Ref utility(String name) {
        return new Ref("utility." + name);
    }

    /**
     * Numbers as given (no grouping the pattern did not ask for: ids and serials stay as they are),
     * references read in the language.
     */
    private static Object[] plain(Language language, Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            out[i] = a instanceof Long || a instanceof Integer ? String.valueOf(a)
                    : a instanceof Ref r ? text(language, r.key())
                    : a instanceof Joined j ? String.join(", ", java.util.Arrays.stream(plain(language,
                            j.items().toArray())).map(String::valueOf).toList()) : a;
        }
        return out;
    }
}

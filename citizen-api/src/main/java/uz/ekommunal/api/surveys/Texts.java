package uz.ekommunal.api.surveys;

import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.Map;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/**
 * A text of a survey (its title, a question, an option) in the languages its publisher wrote it in.
 * A reader gets their own language, else Uzbek, else Russian, else English: a survey written in
 * Uzbek and Russian reaches both, and one written once is shown to everyone as written.
 */
public record Texts(Map<Language, String> byLanguage) {

    public Texts {
        if (byLanguage.isEmpty()) {
            throw new IllegalArgumentException("a text in no language");
        }
        byLanguage = Map.copyOf(byLanguage);
    }

    /** The same words for every reader. */
    public static Texts same(String text) {
        Map<Language, String> all = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            all.put(l, text);
        }
        return new Texts(all);
    }

    /** In this reader's language, or the first of Uzbek, Russian and English it has. */
    public String in(Language reader) {
        String own = byLanguage.get(reader);
        if (own != null) {
            return own;
        }
        for (Language l : Language.values()) {
            if (byLanguage.containsKey(l)) {
                return byLanguage.get(l);
            }
        }
        throw new IllegalStateException("unreachable: a text has a language");
    }

    /** As stored: {@code {"uz": "...", "ru": "..."}}. */
    public JsonObject json() {
        JsonObject out = new JsonObject();
        for (Language l : Language.values()) {
            if (byLanguage.containsKey(l)) {
                out.put(l.code(), byLanguage.get(l));
            }
        }
        return out;
    }

    public static Texts fromJson(String stored) {
        JsonObject json = new JsonObject(stored);
        Map<Language, String> texts = new EnumMap<>(Language.class);
        json.forEach(e -> Language.of(e.getKey()).ifPresent(l -> texts.put(l, (String) e.getValue())));
        return new Texts(texts);
    }

    /**
     * {@code field} of a body: one text for everyone, or {@code {"uz": .., "ru": .., "en": ..}} with at
     * least one of them; each at most {@code max} characters. Null when absent and not required.
     */
    static Texts read(JsonObject body, String field, int max, boolean required) {
        if (!(body.getValue(field) instanceof JsonObject byLanguage)) {
            String text = RouteSupport.text(body, field, max, required);
            return text == null ? null : same(text);
        }
        Map<Language, String> texts = new EnumMap<>(Language.class);
        for (String key : byLanguage.fieldNames()) {
            Language language = Language.of(key).filter(l -> l.code().equals(key)).orElseThrow(
                    () -> ApiException.because(ApiError.INVALID_VALUE, field, "surveyTextLanguages", field));
            String text = RouteSupport.text(byLanguage, key, max, false);
            if (text != null) {
                texts.put(language, text);
            }
        }
        if (texts.isEmpty()) {
            throw ApiException.because(ApiError.MISSING_VALUE, field, "required", field);
        }
        return new Texts(texts);
    }
}

package uz.ekommunal.api.appeals;

import java.util.Locale;
import java.util.Optional;

/** The language a resident reads their notices and letters in; Uzbek unless they chose another. */
public enum Language {
    UZ, RU, EN;

    public static final Language DEFAULT = UZ;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public static Optional<Language> of(String code) {
        for (Language l : values()) {
            if (l.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}

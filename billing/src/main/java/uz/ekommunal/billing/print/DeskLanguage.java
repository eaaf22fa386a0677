package uz.ekommunal.billing.print;

import java.util.Locale;
import java.util.Optional;

/** The language a desk receipt prints first: Uzbek, Russian or English. */
public enum DeskLanguage {
    UZ,
    RU,
    EN;

    /** {@code "uz"}, {@code "ru"}, {@code "en"} (any case); empty for anything else. */
    public static Optional<DeskLanguage> of(String code) {
        for (DeskLanguage l : values()) {
            if (l.name().equals(code == null ? null : code.toUpperCase(Locale.ROOT))) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}

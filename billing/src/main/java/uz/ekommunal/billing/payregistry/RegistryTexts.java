package uz.ekommunal.billing.payregistry;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What a person reads about a registry's refused rows, from the catalogues
 * {@code payment_registry_uz/ru/en.properties} keyed by the fault's code. No fallback between
 * languages: a missing key is a bug the catalogue test catches.
 */
public final class RegistryTexts {

    public static final Locale UZ = Locale.forLanguageTag("uz");
    public static final Locale RU = Locale.forLanguageTag("ru");
    public static final Locale EN = Locale.ENGLISH;

    private RegistryTexts() {
    }

    /** uz, ru or en from a language tag or an Accept-Language header's first choice; English otherwise. */
    public static Locale locale(String tag) {
        if (tag == null) {
            return EN;
        }
        String first = tag.strip().toLowerCase(Locale.ROOT);
        return first.startsWith("uz") ? UZ : first.startsWith("ru") ? RU : EN;
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("payment_registry", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The problem as a sentence in the locale's language. */
    public static String describe(RowProblem p, Locale locale) {
        return new MessageFormat(bundle(locale).getString("fault." + p.fault().name()), locale)
                .format(p.args().toArray());
    }
}

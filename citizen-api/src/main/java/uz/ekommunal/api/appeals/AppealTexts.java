package uz.ekommunal.api.appeals;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import uz.ekommunal.api.http.Messages;

/**
 * Texts a resident reads (SMS, e-mail, the answer letter) from the catalogues
 * {@code appeals_uz/ru/en.properties}. No fallback between languages: a missing key is a bug the
 * catalogue test catches, not an English line in an Uzbek SMS. Patterns are {@link MessageFormat}s,
 * so the Uzbek okina is written ʻ (U+02BB), never an apostrophe.
 */
public final class AppealTexts {

    static final String BUNDLE = "appeals";

    private AppealTexts() {
    }

    public static ResourceBundle bundle(Language language) {
        return ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String text(Language language, String key, Object... args) {
        return new MessageFormat(bundle(language).getString(key), language.locale()).format(args);
    }

    /**
     * The appeal's organisation as a reader of {@code language} names it: the catalogue's
     * {@code organisation.<code>}, or the stored name for an organisation the catalogues do not
     * know yet (one an administrator added).
     */
    public static String organisation(Language language, Appeal a) {
        String key = "organisation." + a.organisationCode();
        return a.organisationCode() != null && Messages.has(language, key) ? Messages.text(language, key)
                : a.organisationName();
    }

    /** The ground of a rejection, as the resident reads it. */
    public static String ground(Language language, RejectReason reason) {
        return text(language, "ground." + reason.name());
    }
}

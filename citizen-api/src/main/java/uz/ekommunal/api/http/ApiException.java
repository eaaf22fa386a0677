package uz.ekommunal.api.http;

import java.util.Arrays;
import uz.ekommunal.api.appeals.Language;

/**
 * An error to answer as a problem response: a stable code ({@link ApiError}), the input at fault
 * ({@code field}, if any) and the detail as a catalogue key with its arguments; the text is chosen
 * in the caller's language when the answer is written ({@link Problems}). The key is
 * {@code problem.<ERROR>} unless a {@code variant} names a more precise one,
 * {@code problem.<ERROR>.<variant>}.
 */
public final class ApiException extends RuntimeException {

    private final ApiError error;
    private final String field;
    private final String key;
    private final transient Object[] args;
    /** A detail not yet in the catalogues (English in every language), or null. */
    private final String untranslated;

    private ApiException(ApiError error, String field, String key, Object[] args) {
        super(english(key, args), null, false, false);
        this.error = error;
        this.field = field;
        this.key = key;
        this.args = args.clone();
        this.untranslated = null;
    }

    /**
     * A detail written in English that is not in the catalogues yet: the title is translated, the
     * detail is not. For features merged before the catalogues; new code uses {@link #of} or
     * {@link #because}, and UntranslatedDetailsTest counts what is left.
     */
    public ApiException(ApiError error, String field, String englishDetail) {
        super(englishDetail, null, false, false);
        this.error = error;
        this.field = field;
        this.key = "problem." + error.name();
        this.args = new Object[0];
        this.untranslated = englishDetail;
    }

    /** The code's own detail, e.g. {@code problem.ACCOUNT_NOT_FOUND}. */
    public static ApiException of(ApiError error, String field, Object... args) {
        return new ApiException(error, field, "problem." + error.name(), args);
    }

    /** A more precise detail: {@code because(INVALID_VALUE, "email", "notMailAddress")} reads {@code problem.INVALID_VALUE.notMailAddress}. */
    public static ApiException because(ApiError error, String field, String variant, Object... args) {
        return new ApiException(error, field, "problem." + error.name() + "." + variant, args);
    }

    /** A detail under a key of its own, e.g. a module's refusal by code ({@link DomainProblems}). */
    static ApiException keyed(ApiError error, String field, String key, Object... args) {
        return new ApiException(error, field, key, args);
    }

    /** The same problem about another input. */
    public ApiException withField(String otherField) {
        return untranslated != null ? new ApiException(error, otherField, untranslated)
                : new ApiException(error, otherField, key, args);
    }

    /** The English text, for logs and tests; a key missing from the catalogue shows as itself. */
    private static String english(String key, Object[] args) {
        try {
            return Messages.text(Language.EN, key, args);
        } catch (java.util.MissingResourceException | IllegalArgumentException e) {
            return key + Arrays.toString(args);
        }
    }

    public ApiError error() {
        return error;
    }

    public String field() {
        return field;
    }

    public String key() {
        return key;
    }

    /** The English detail of a problem not yet in the catalogues, or null. */
    public String untranslated() {
        return untranslated;
    }

    public Object[] args() {
        return args.clone();
    }
}

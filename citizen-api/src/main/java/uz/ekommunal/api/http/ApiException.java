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

    private ApiException(ApiError error, String field, String key, Object[] args) {
        super(english(key, args), null, false, false);
        this.error = error;
        this.field = field;
        this.key = key;
        this.args = args.clone();
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
        return new ApiException(error, otherField, key, args);
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

    public Object[] args() {
        return args.clone();
    }
}

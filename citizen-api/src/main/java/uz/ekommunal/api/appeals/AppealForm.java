package uz.ekommunal.api.appeals;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import uz.ekommunal.api.auth.Requests;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/**
 * The e-kommunal filing form as the resident gave it. A draft may be incomplete; {@link #requireComplete()}
 * names the first missing field when it is sent. The text is kept exactly as given (escaping is the
 * reader's job: JSON encoding, XML escaping).
 */
public record AppealForm(Category category, String region, String district, String street, String house,
        String apartment, String landmark, String phone, Kind kind, String replyChannel, boolean isPublic,
        String subject, String text, boolean termsAccepted, String email, Language language) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,60}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{9,15}");
    public static final List<String> REPLY_CHANNELS = List.of("email", "post");

    public AppealForm {
        language = language == null ? Language.DEFAULT : language;
    }

    public static AppealForm parse(JsonObject b) {
        String sphere = Requests.text(b, "sphere", 40, false);
        if (sphere != null && !sphere.equals(Category.SPHERE)) {
            throw new ApiException(ApiError.UNKNOWN_VALUE, "sphere", "sphere must be '" + Category.SPHERE + "'");
        }
        String categoryCode = Requests.text(b, "category", 40, false);
        Category category = categoryCode == null ? null : Category.of(categoryCode).orElseThrow(() ->
                new ApiException(ApiError.UNKNOWN_VALUE, "category", "category must be one of " + codes()));
        String kindText = Requests.text(b, "kind", 20, false);
        Kind kind = null;
        if (kindText != null) {
            try {
                kind = Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiException(ApiError.UNKNOWN_VALUE, "kind", "kind must be application, complaint or proposal");
            }
        }
        String reply = Requests.text(b, "replyChannel", 10, false);
        if (reply != null && !REPLY_CHANNELS.contains(reply)) {
            throw new ApiException(ApiError.UNKNOWN_VALUE, "replyChannel", "replyChannel must be email or post");
        }
        String phone = Requests.text(b, "phone", 20, false);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new ApiException(ApiError.INVALID_VALUE, "phone", "phone must be digits, e.g. +998901234567");
        }
        return new AppealForm(category, Requests.text(b, "region", 80, false), Requests.text(b, "district", 80, false),
                Requests.text(b, "street", 160, false), Requests.text(b, "house", 20, false),
                Requests.text(b, "apartment", 20, false), Requests.text(b, "landmark", 200, false), phone, kind, reply,
                flag(b, "public"), Requests.text(b, "subject", 200, false), longText(b, "text", 10_000),
                flag(b, "termsAccepted"), email(Requests.text(b, "email", 254, false)),
                language(Requests.text(b, "language", 5, false)));
    }

    /** Throws a 400 naming the first required field that is missing. */
    public void requireComplete() {
        List<String> missing = new ArrayList<>();
        check(missing, "category", category);
        check(missing, "region", region);
        check(missing, "district", district);
        check(missing, "street", street);
        check(missing, "house", house);
        check(missing, "phone", phone);
        check(missing, "kind", kind);
        check(missing, "replyChannel", replyChannel);
        check(missing, "subject", subject);
        check(missing, "text", text);
        if (!missing.isEmpty()) {
            throw new ApiException(ApiError.MISSING_VALUE, missing.get(0),
                    "Required to send: " + String.join(", ", missing));
        }
        if ("email".equals(replyChannel) && email == null) {
            throw new ApiException(ApiError.MISSING_VALUE, "email", "email is required to reply by e-mail");
        }
        if (!termsAccepted) {
            throw new ApiException(ApiError.MISSING_VALUE, "termsAccepted", "The terms must be accepted to send");
        }
    }

    /** An e-mail address for the reply, or null; the catalogue's field error when malformed. */
    public static String email(String v) {
        if (v != null && !EMAIL.matcher(v).matches()) {
            throw new ApiException(ApiError.INVALID_VALUE, "email", "email must be an address like name@example.uz");
        }
        return v;
    }

    /** uz, ru or en; Uzbek when not given. */
    public static Language language(String v) {
        if (v == null) {
            return Language.DEFAULT;
        }
        return Language.of(v).orElseThrow(() -> new ApiException(ApiError.UNKNOWN_VALUE, "language",
                "language must be uz, ru or en"));
    }

    private static void check(List<String> missing, String field, Object value) {
        if (value == null) {
            missing.add(field);
        }
    }

    private static boolean flag(JsonObject b, String field) {
        Object v = b.getValue(field);
        if (v != null && !(v instanceof Boolean)) {
            throw new ApiException(ApiError.INVALID_VALUE, field, field + " must be true or false");
        }
        return Boolean.TRUE.equals(v);
    }

    /** A multi-line text: line breaks and tabs allowed, other control characters not. */
    static String longText(JsonObject b, String field, int max) {
        Object v = b.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new ApiException(ApiError.INVALID_VALUE, field, field + " must be a string");
        }
        if (s.length() > max) {
            throw new ApiException(ApiError.INVALID_VALUE, field, field + " must be at most " + max + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t') {
                throw new ApiException(ApiError.INVALID_VALUE, field, field + " must not hold control characters");
            }
        }
        return s.isBlank() ? null : s;
    }

    static String codes() {
        StringBuilder sb = new StringBuilder();
        for (Category c : Category.values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(c.code());
        }
        return sb.toString();
    }
}

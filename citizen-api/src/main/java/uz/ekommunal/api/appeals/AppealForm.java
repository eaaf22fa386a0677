package uz.ekommunal.api.appeals;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import uz.ekommunal.api.auth.RouteSupport;
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
        String sphere = RouteSupport.text(b, "sphere", 40, false);
        if (sphere != null && !sphere.equals(Category.SPHERE)) {
            throw ApiException.because(ApiError.UNKNOWN_VALUE, "sphere", "sphere", Category.SPHERE);
        }
        String categoryCode = RouteSupport.text(b, "category", 40, false);
        Category category = categoryCode == null ? null : Category.of(categoryCode).orElseThrow(() ->
                ApiException.because(ApiError.UNKNOWN_VALUE, "category", "categoryOne", codes()));
        String kindText = RouteSupport.text(b, "kind", 20, false);
        Kind kind = null;
        if (kindText != null) {
            try {
                kind = Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.because(ApiError.UNKNOWN_VALUE, "kind", "kindApplicationComplaintProposal");
            }
        }
        String reply = RouteSupport.text(b, "replyChannel", 10, false);
        if (reply != null && !REPLY_CHANNELS.contains(reply)) {
            throw ApiException.because(ApiError.UNKNOWN_VALUE, "replyChannel", "replychannelEmailPost");
        }
        String phone = RouteSupport.text(b, "phone", 20, false);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw ApiException.because(ApiError.INVALID_VALUE, "phone", "phoneDigits");
        }
        return new AppealForm(category, RouteSupport.text(b, "region", 80, false), RouteSupport.text(b, "district", 80, false),
                RouteSupport.text(b, "street", 160, false), RouteSupport.text(b, "house", 20, false),
                RouteSupport.text(b, "apartment", 20, false), RouteSupport.text(b, "landmark", 200, false), phone, kind, reply,
                flag(b, "public"), RouteSupport.text(b, "subject", 200, false), longText(b, "text", 10_000),
                flag(b, "termsAccepted"), email(RouteSupport.text(b, "email", 254, false)),
                language(RouteSupport.text(b, "language", 5, false)));
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
            throw ApiException.because(ApiError.MISSING_VALUE, missing.get(0), "requiredSend", String.join(", ",
                    missing));
        }
        if ("email".equals(replyChannel) && email == null) {
            throw ApiException.because(ApiError.MISSING_VALUE, "email", "emailRequiredReplyBy");
        }
        if (!termsAccepted) {
            throw ApiException.because(ApiError.MISSING_VALUE, "termsAccepted", "termsAcceptedSend");
        }
    }

    /** An e-mail address for the reply, or null; the catalogue's field error when malformed. */
    public static String email(String v) {
        if (v != null && !EMAIL.matcher(v).matches()) {
            throw ApiException.because(ApiError.INVALID_VALUE, "email", "emailAddressLikeName");
        }
        return v;
    }

    /** uz, ru or en; Uzbek when not given. */
    public static Language language(String v) {
        if (v == null) {
            return Language.DEFAULT;
        }
        return Language.of(v).orElseThrow(() -> ApiException.because(ApiError.UNKNOWN_VALUE, "language",
                "languageUzRuEn"));
    }

    private static void check(List<String> missing, String field, Object value) {
        if (value == null) {
            missing.add(field);
        }
    }

    private static boolean flag(JsonObject b, String field) {
        Object v = b.getValue(field);
        if (v != null && !(v instanceof Boolean)) {
            throw ApiException.because(ApiError.INVALID_VALUE, field, "trueFalse", field);
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
            throw ApiException.because(ApiError.INVALID_VALUE, field, "string", field);
        }
        if (s.length() > max) {
            throw ApiException.because(ApiError.INVALID_VALUE, field, "mostCharacters", field, max);
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t') {
                throw ApiException.because(ApiError.INVALID_VALUE, field, "notHoldControlCharacters", field);
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

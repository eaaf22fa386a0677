package uz.ekommunal.api.appeals.open311;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uz.ekommunal.api.appeals.Kind;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/** The service definition's attributes (the same for every service): the appeal's kind, region and district. */
final class Open311Attributes {

    private Open311Attributes() {
    }

    static List<Map<String, Object>> all() {
        return List.of(
                attribute("kind", "singlevaluelist", false, 1, "Kind of appeal (default: complaint)",
                        List.of(value("application", "Application"), value("complaint", "Complaint"),
                                value("proposal", "Proposal"))),
                attribute("region", "string", false, 2, "Region (viloyat)", null),
                attribute("district", "string", false, 3, "District (tuman): decides the organisation", null),
                attribute("public", "singlevaluelist", false, 4,
                        "Public (listed with its answer) or personal (default: personal)",
                        List.of(value("false", "Personal"), value("true", "Public"))),
                attribute("language", "singlevaluelist", false, 5, "Language of the notices (default: uz)",
                        List.of(value("uz", "O\u02bbzbekcha"), value("ru", "Русский"), value("en", "English"))));
    }

    private static Map<String, Object> attribute(String code, String datatype, boolean required, int order,
            String description, List<Map<String, Object>> values) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("variable", true);
        a.put("code", code);
        a.put("datatype", datatype);
        a.put("required", required);
        a.put("datatype_description", null);
        a.put("order", order);
        a.put("description", description);
        if (values != null) {
            a.put("values", new Open311Output.Nested("value", values));
        }
        return a;
    }

    private static Map<String, Object> value(String key, String name) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("key", key);
        v.put("name", name);
        return v;
    }

    static Kind kind(String value) {
        if (value == null) {
            return Kind.COMPLAINT;
        }
        try {
            return Kind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.because(ApiError.INVALID_VALUE, "attribute[kind]", "attributeKindApplicationComplaint");
        }
    }

    /** Personal unless the client says public: the resident chooses, and silence is not consent. */
    static boolean isPublic(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiException.because(ApiError.INVALID_VALUE, "attribute[public]", "attributePublicTrueFalse");
    }

    static Language language(String value) {
        if (value == null) {
            return Language.DEFAULT;
        }
        return Language.of(value).orElseThrow(() -> ApiException.because(ApiError.INVALID_VALUE,
                "attribute[language]", "attributeLanguageUzRu"));
    }

    /** Every {@code attribute[...]} given, kept as JSON. */
    static String encode(MultiMap form) {
        JsonObject out = new JsonObject();
        form.forEach(e -> {
            String k = e.getKey();
            if (k.startsWith("attribute[") && k.endsWith("]") && k.length() <= 80) {
                out.put(k.substring(10, k.length() - 1), e.getValue());
            }
        });
        return out.isEmpty() ? null : out.encode();
    }
}

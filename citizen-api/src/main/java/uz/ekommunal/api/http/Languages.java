package uz.ekommunal.api.http;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import uz.ekommunal.api.appeals.Language;

/**
 * The language to answer a request in: the first of uz, ru, en the {@code Accept-Language} header
 * names, else the signed-in person's profile language (put on the request by whoever knows it),
 * else Uzbek.
 */
public final class Languages {

    /** Where {@code Authenticate} leaves the profile's language its access token carries. */
    public static final String PROFILE = "ekommunal.profileLanguage";

    private Languages() {
    }

    public static Language of(RoutingContext ctx) {
        return fromHeader(ctx.request().getHeader("Accept-Language")).orElseGet(() -> {
            Language profile = ctx.get(PROFILE);
            return profile == null ? Language.DEFAULT : profile;
        });
    }

    /** The header's first supported language by weight; {@code *} and unknown tags choose nothing. */
    public static java.util.Optional<Language> fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return java.util.Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        for (Locale.LanguageRange range : ranges) {
            String tag = range.getRange();
            int dash = tag.indexOf('-');
            var found = Language.of(dash < 0 ? tag : tag.substring(0, dash));
            if (found.isPresent() && range.getWeight() > 0) {
                return found;
            }
        }
        return java.util.Optional.empty();
    }
}

package uz.ekommunal.api.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogues appeals_uz/ru/en: every key in every language, with the same placeholders. */
class AppealTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @ParameterizedTest(name = "{0} has every key English has, and no other")
    @EnumSource(Language.class)
    void everyKeyInEveryLanguage(Language language) {
        assertThat(keys(AppealTexts.bundle(language))).isEqualTo(keys(AppealTexts.bundle(Language.EN)));
    }

    @ParameterizedTest(name = "{0}: same placeholders as English, and each text formats")
    @EnumSource(Language.class)
    void samePlaceholdersAndEachFormats(Language language) {
        ResourceBundle en = AppealTexts.bundle(Language.EN);
        ResourceBundle it = AppealTexts.bundle(language);
        for (String key : keys(en)) {
            assertThat(placeholders(it.getString(key))).as(key).isEqualTo(placeholders(en.getString(key)));
            String text = AppealTexts.text(language, key, "A0", "A1", "A2", "A3", "A4");
            assertThat(text).as(key).doesNotContain("{").isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}: the Uzbek okina survives formatting")
    @EnumSource(value = Language.class, names = "UZ")
    void okinaIsNotEatenByMessageFormat(Language language) {
        assertThat(AppealTexts.text(language, "sms.accepted", "M-1", "Suvsoz", "2026-02-02"))
                .isEqualTo("Murojaat M-1: Suvsoz tomonidan koʻrib chiqish uchun qabul qilindi. Javob muddati: 2026-02-02.");
    }

    private static Set<String> keys(ResourceBundle b) {
        return new TreeSet<>(Collections.list(b.getKeys()));
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}

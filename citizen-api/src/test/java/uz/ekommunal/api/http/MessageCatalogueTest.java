package uz.ekommunal.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.appeals.Language;

/**
 * The server's catalogues {@code messages_uz/ru/en}: the same keys in every language, a title and
 * a detail for every error code, every key the code names present, patterns that parse, and no
 * English left in the Uzbek and Russian texts.
 */
class MessageCatalogueTest {

    /** English words of the old server messages; none belongs in an Uzbek or Russian sentence. */
    static final List<String> ENGLISH = List.of("must", "required", "the", "is", "not", "invalid", "found", "wrong",
            "expired", "account", "number", "digits", "sign", "code", "too", "many", "try", "again", "only", "your",
            "already", "unknown", "with", "this", "reading", "meter", "provider", "appeal", "no", "be", "or", "and");

    private static final Pattern BECAUSE = Pattern.compile(
            "because\\(\\s*ApiError\\.([A-Z_]+)\\s*,\\s*[^,]+?\\s*,\\s*(?:[^,\"]*\\?\\s*)?\"(\\w+)\"(?:\\s*:\\s*\"(\\w+)\")?");
    private static final Pattern TEXT = Pattern.compile("Messages\\.text\\([^,]+,\\s*\"([\\w.]+)\"\\s*[,)]");

    @Test
    void everyLanguageHasTheSameKeys() {
        Set<String> en = Collections.list(Messages.bundle(Language.EN).getKeys()).stream()
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        for (Language l : Language.values()) {
            Set<String> keys = new TreeSet<>(Collections.list(Messages.bundle(l).getKeys()));
            assertThat(keys).as(l + " against en").isEqualTo(en);
        }
    }

    @Test
    void everyErrorCodeHasATitleAndADetailInEveryLanguage() {
        for (Language l : Language.values()) {
            for (ApiError e : ApiError.values()) {
                assertThat(Messages.has(l, "title." + e.name())).as(l + " title." + e).isTrue();
                assertThat(Messages.has(l, "problem." + e.name())).as(l + " problem." + e).isTrue();
            }
            assertThat(Messages.text(Language.EN, "title.NOT_FOUND")).isEqualTo(ApiError.NOT_FOUND.title());
        }
    }

    @Test
    void everyKeyTheCodeNamesIsInTheCatalogue() throws IOException {
        Set<String> used = usedKeys();
        assertThat(used).as("the scan finds the call sites").hasSizeGreaterThan(150)
                .contains("problem.INVALID_PHONE.uzbekMobileNumberDigits", "sms.signInCode");
        for (Language l : Language.values()) {
            List<String> missing = used.stream().filter(k -> !Messages.has(l, k)).toList();
            assertThat(missing).as(l + ": keys the code uses").isEmpty();
        }
        // the engine's refusals pass their error code in a variable
        for (ApiError e : List.of(ApiError.TARIFF_REJECTED, ApiError.TARIFF_CONFLICT, ApiError.INVALID_VALUE,
                ApiError.UNKNOWN_VALUE, ApiError.MISSING_VALUE, ApiError.NO_TARIFF)) {
            assertThat(Messages.has(Language.UZ, "problem." + e.name() + ".engine")).as(e.name()).isTrue();
        }
    }

    @Test
    void patternsParseAndUzbekAndRussianSpeakNoEnglish() {
        List<String> english = new ArrayList<>();
        for (Language l : Language.values()) {
            var bundle = Messages.bundle(l);
            for (String key : Collections.list(bundle.getKeys())) {
                String pattern = bundle.getString(key);
                new MessageFormat(pattern, l.locale()); // throws on a broken pattern
                if (l == Language.EN) {
                    continue;
                }
                // an ASCII apostrophe would quote the rest of a MessageFormat away; Uzbek writes ʻ and ʼ
                assertThat(pattern).as(l + " " + key).doesNotContain("'");
                // API names (service_code, attribute[kind], modbus.host) are names, not English
                String words = pattern.replaceAll("«[^»]*»", " ").replaceAll("\\{\\d}", " ")
                        .replaceAll("[A-Za-z]+([_.\\[][A-Za-z\\]_.]+)+", " ");
                for (String word : words.split("[^A-Za-z]+")) {
                    if (ENGLISH.contains(word.toLowerCase())) {
                        english.add(l + " " + key + ": " + word);
                    }
                }
            }
        }
        assertThat(english).isEmpty();
    }

    @Test
    void argumentsAndReferencesAreReadInTheLanguage() {
        ApiException e = ApiException.because(ApiError.INVALID_ACCOUNT_NUMBER, "number", "digits",
                Messages.utility("ELECTRICITY"), 7);
        assertThat(Messages.text(Language.RU, e.key(), e.args())).isEqualTo("Номер лицевого счёта «электроэнергия» — 7 цифр");
        assertThat(Messages.text(Language.UZ, e.key(), e.args())).isEqualTo("«elektr energiyasi» shaxsiy hisob raqami 7 ta raqamdan iborat");
        assertThat(e.getMessage()).as("logs and tests read English").isEqualTo("A electricity account number has 7 digits");
        assertThat(Messages.text(Language.EN, "problem.ACCOUNT_NOT_FOUND.noAccount", 1234567L))
                .as("ids are not grouped").isEqualTo("No account 1234567");
    }

    @Test
    void theLanguageComesFromAcceptLanguage() {
        assertThat(Languages.fromHeader("ru-RU,ru;q=0.9,en;q=0.8")).contains(Language.RU);
        assertThat(Languages.fromHeader("uz-Latn-UZ")).contains(Language.UZ);
        assertThat(Languages.fromHeader("de-DE,en;q=0.5")).contains(Language.EN);
        assertThat(Languages.fromHeader("de-DE, fr")).isEmpty();
        assertThat(Languages.fromHeader("*")).isEmpty();
        assertThat(Languages.fromHeader("ru;q=0, uz;q=0.1")).contains(Language.UZ);
        assertThat(Languages.fromHeader("not a ;; header")).isEmpty();
        assertThat(Languages.fromHeader(null)).isEmpty();
    }

    static Set<String> usedKeys() throws IOException {
        Set<String> used = new TreeSet<>();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        for (Path p : sources) {
            String source = Files.readString(p);
            Matcher m = BECAUSE.matcher(source);
            while (m.find()) {
                used.add("problem." + m.group(1) + "." + m.group(2));
                if (m.group(3) != null) {
                    used.add("problem." + m.group(1) + "." + m.group(3));
                }
            }
            Matcher t = TEXT.matcher(source);
            while (t.find()) {
                used.add(t.group(1));
            }
        }
        return used;
    }
}

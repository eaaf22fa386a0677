package uz.ekommunal.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No problem's detail is English-only: the untranslated-detail constructor is gone, and nothing
 * builds an ApiException but through the catalogues ({@link ApiException#of},
 * {@link ApiException#because}).
 */
class UntranslatedDetailsTest {

    /** None left since 2026-12-06 (59 the day the catalogues met the cashier desk, registries and photos). */
    private static final int LEFT = 0;

    private static final Pattern UNTRANSLATED = Pattern.compile("new ApiException\\(");

    @Test
    void untranslatedDetailsOnlyBecomeFewer() throws IOException {
        int found = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (file.endsWith("ApiException.java")) {
                    continue;
                }
                Matcher m = UNTRANSLATED.matcher(Files.readString(file));
                while (m.find()) {
                    found++;
                }
            }
        }
        assertThat(ApiException.class.getConstructors()).as("no public constructor takes an English detail").isEmpty();
        assertThat(found).as("problems with an English-only detail (move new ones into messages_*.properties)")
                .isEqualTo(LEFT);
    }
}

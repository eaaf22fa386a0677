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
 * Problems whose detail is still English in every language (raised with ApiException's
 * untranslated-detail constructor, by features built before the catalogues) may only become fewer:
 * a new one fails this test; move it into the catalogues ({@link ApiException#of},
 * {@link ApiException#because}) instead. Lower {@link #LEFT} as they move.
 */
class UntranslatedDetailsTest {

    /** Counted on 2026-12-06 after the catalogues met the cashier desk, registries, photos and desk forms. */
    private static final int LEFT = 59;

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
        assertThat(found).as("problems with an English-only detail (move new ones into messages_*.properties)")
                .isLessThanOrEqualTo(LEFT);
    }
}

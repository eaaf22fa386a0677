package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uz.ekommunal.app.config.ConfigReference;
import uz.ekommunal.platform.config.Setting;
import uz.ekommunal.app.config.Settings;

/** The README's configuration table is the code's list of settings, key for key and word for word. */
class ConfigReferenceTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void theReadmeHoldsTheTablePrintedFromTheSettings() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String expected = ConfigReference.block(Settings.ALL);
        int begin = readme.indexOf(ConfigReference.BEGIN);
        int end = readme.indexOf(ConfigReference.END);
        String actual = begin < 0 || end < begin ? "" : readme.substring(begin, end + ConfigReference.END.length()) + "\n";
        if (!actual.equals(expected)) {
            // the table to paste, for whoever added or changed a setting
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "configuration-reference.md"), expected, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("README's configuration table is out of date: replace it with "
                + "app/target/configuration-reference.md (or `java -jar app/target/ekommunal.jar config --reference`)")
                .isEqualTo(expected);
    }

    @Test
    void everyKeyTheReadmeMentionsExists() throws Exception {
        Set<String> known = new HashSet<>();
        for (Setting<?> s : Settings.ALL) {
            known.add(s.name());
        }
        Matcher keys = Pattern.compile("EKOMMUNAL_[A-Z0-9_]*[A-Z0-9](_\\*)?").matcher(Files.readString(README));
        Set<String> unknown = new HashSet<>();
        while (keys.find()) {
            String key = keys.group();
            if (key.endsWith("_*")) { // a family of keys, such as EKOMMUNAL_SMTP_*
                String prefix = key.substring(0, key.length() - 1);
                if (known.stream().anyMatch(k -> k.startsWith(prefix))) {
                    continue;
                }
            }
            // the test-only variables the Tests section names are read by the tests, not the app
            if (!known.contains(key) && !key.startsWith("EKOMMUNAL_TEST_") && !key.equals("EKOMMUNAL_TIMESCALEDB_WASM")) {
                unknown.add(key);
            }
        }
        assertThat(unknown).as("keys the README names that the app does not read").isEmpty();
    }

    @Test
    void keysAreUniqueAndEveryOneHasADescription() {
        Set<String> names = new HashSet<>();
        for (Setting<?> s : Settings.ALL) {
            assertThat(names.add(s.name())).as("duplicate " + s.name()).isTrue();
            assertThat(s.description()).as(s.name()).isNotBlank();
            assertThat(s.name()).startsWith("EKOMMUNAL_");
        }
    }
}

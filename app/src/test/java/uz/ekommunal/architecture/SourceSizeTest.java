package uz.ekommunal.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small files and short methods (issue 21): no main file over 400 lines, no method over 60; and each check finds a planted one. */
class SourceSizeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String[] MODULES = {"platform", "tariff-engine", "meter-gateway", "billing", "citizen-api",
        "simulators", "app", "bench"};

    @Test
    void noMainFileIsOver400Lines() {
        for (String module : MODULES) {
            assertThat(SourceSize.longFiles(main(module), 400)).as(module).isEmpty();
        }
    }

    @Test
    void noMethodIsOver60Lines() {
        for (String module : MODULES) {
            assertThat(SourceSize.longMethods(main(module), 60)).as(module).isEmpty();
        }
    }

    @Test
    void aPlantedLongMethodIsFoundAndShortOnesAndTypesAreNot(@TempDir Path main) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            body.append("        total += ").append(i).append(";  // a } in a comment\n");
        }
        Files.writeString(main.resolve("Planted.java"), """
                record Planted(int a, String b) {
                    static final String SQL = \"""
                            select { from x\""";

                    int shortOne(int x) {
                        String s = "}}}";
                        return x + s.length();
                    }

                    int longOne() {
                        int total = 0;
                """ + body + """
                        return total;
                    }

                    interface Port {
                        void call(String s);
                    }
                }
                """);

        assertThat(SourceSize.longMethods(main, 60)).containsExactly("Planted.java: longOne at line 10, 64 lines");
        assertThat(SourceSize.longFiles(main, 60)).containsExactly("Planted.java: 78 lines");
        assertThat(SourceSize.longFiles(main, 400)).isEmpty();
    }

    private static Path main(String module) {
        Path main = ROOT.resolve(module).resolve("src/main/java");
        assertThat(Files.isDirectory(main)).as(main.toString()).isTrue();
        return main;
    }
}

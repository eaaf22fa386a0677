package uz.ekommunal.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Each schema is read and written only by the module that owns it: finds SQL in a module's main
 * sources (string literals and text blocks of .java files, .sql files) that names another
 * module's schema after FROM, JOIN, INTO, UPDATE, TABLE or REFERENCES.
 */
final class SchemaOwnership {

    /** The schemas of the database, by the module that migrates them. */
    static final Map<String, Set<String>> OWNERS = Map.of(
            "meter-gateway", Set.of("gateway"),
            "billing", Set.of("billing", "tariff"),
            "citizen-api", Set.of("api", "appeals"));

    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"((?:\\\\.|[^\"\\\\\\n])*)\"");
    private static final Pattern TABLE = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|table|references)\\s+(?:only\\s+)?([a-z_]+)\\.([a-z_][a-z_0-9]*)");

    private SchemaOwnership() {
    }

    /** Every "file: schema.table" in the module's main sources that names a schema it does not own. */
    static List<String> violations(String module, Path mainSources) {
        Set<String> own = OWNERS.getOrDefault(module, Set.of());
        Set<String> all = OWNERS.values().stream().flatMap(Set::stream).collect(java.util.stream.Collectors.toSet());
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(mainSources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                    .sorted().toList()) {
                for (String sql : sqlTexts(file)) {
                    Matcher m = TABLE.matcher(sql);
                    while (m.find()) {
                        String schema = m.group(1).toLowerCase(java.util.Locale.ROOT);
                        if (all.contains(schema) && !own.contains(schema)) {
                            found.add(mainSources.relativize(file) + ": " + schema + "." + m.group(2));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static List<String> sqlTexts(Path file) throws IOException {
        String text = Files.readString(file);
        if (file.toString().endsWith(".sql")) {
            return List.of(text);
        }
        List<String> out = new ArrayList<>();
        Matcher blocks = TEXT_BLOCK.matcher(text);
        while (blocks.find()) {
            out.add(blocks.group(1));
        }
        Matcher literals = LITERAL.matcher(TEXT_BLOCK.matcher(text).replaceAll(""));
        while (literals.find()) {
            out.add(literals.group(1));
        }
        return out;
    }
}

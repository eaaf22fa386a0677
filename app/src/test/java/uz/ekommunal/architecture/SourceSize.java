package uz.ekommunal.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds main source files over a line limit and methods over a line limit. A method is a declaration
 * line ending in an open parenthesis list (no semicolon before its brace) whose name is not a keyword;
 * types (class, record, interface, enum) are skipped, since their bodies hold methods, not statements.
 * Strings, text blocks and comments are blanked before braces are counted.
 */
final class SourceSize {

    private static final Pattern DECLARATION = Pattern.compile(
            "^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|private|protected|static|final|synchronized|abstract|default|native)\\s+)*"
                    + "(?:<[^>]+>\\s+)?[\\w\\[\\]<>?,. ]+?\\s+(\\w+)\\s*\\(");
    private static final Pattern TYPE = Pattern.compile("\\b(class|record|interface|enum)\\s+\\w+");
    private static final List<String> NOT_METHODS = List.of("if", "for", "while", "switch", "catch", "return", "new",
            "else", "throw", "try", "synchronized", "do");

    private SourceSize() {
    }

    static List<String> longFiles(Path main, int maxLines) {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(main)) {
            int lines = lines(file).size();
            if (lines > maxLines) {
                found.add(main.relativize(file) + ": " + lines + " lines");
            }
        }
        return found;
    }

    static List<String> longMethods(Path main, int maxLines) {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(main)) {
            List<String> code = blanked(lines(file));
            for (int i = 0; i < code.size(); i++) {
                Matcher m = DECLARATION.matcher(code.get(i));
                if (!m.find() || NOT_METHODS.contains(m.group(1)) || TYPE.matcher(code.get(i)).find()
                        || code.get(i).strip().startsWith("return")) {
                    continue;
                }
                int end = bodyEnd(code, i);
                if (end > 0 && end - i + 1 > maxLines) {
                    found.add(main.relativize(file) + ": " + m.group(1) + " at line " + (i + 1) + ", " + (end - i + 1)
                            + " lines");
                }
            }
        }
        return found;
    }

    /** The line of the brace closing the body that starts at or after {@code start}, or -1 if none. */
    private static int bodyEnd(List<String> code, int start) {
        int depth = 0;
        boolean opened = false;
        for (int j = start; j < code.size(); j++) {
            for (char ch : code.get(j).toCharArray()) {
                if (ch == ';' && !opened && depth == 0) {
                    return -1;  // an abstract or interface method, or a call
                }
                if (ch == '{') {
                    depth++;
                    opened = true;
                } else if (ch == '}') {
                    depth--;
                    if (opened && depth == 0) {
                        return j;
                    }
                }
            }
        }
        return -1;
    }

    /** The lines with string literals, text blocks, character literals and comments replaced by spaces. */
    static List<String> blanked(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean textBlock = false;
        boolean blockComment = false;
        for (String line : lines) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (textBlock) {
                    if (line.startsWith("\"\"\"", i)) {
                        textBlock = false;
                        i += 2;
                    }
                } else if (blockComment) {
                    if (line.startsWith("*/", i)) {
                        blockComment = false;
                        i++;
                    }
                } else if (line.startsWith("\"\"\"", i)) {
                    textBlock = true;
                    i += 2;
                } else if (line.startsWith("/*", i)) {
                    blockComment = true;
                    i++;
                } else if (line.startsWith("//", i)) {
                    break;
                } else if (c == '"' || c == '\'') {
                    int j = i + 1;
                    while (j < line.length() && line.charAt(j) != c) {
                        j += line.charAt(j) == '\\' ? 2 : 1;
                    }
                    b.append(c).append(c);
                    i = j;
                } else {
                    b.append(c);
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    private static List<Path> javaFiles(Path main) {
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package uz.ekommunal.billing.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a registry CSV split into fields (RFC 4180 quoting: "a, b" and "" for a quote), with
 * one rule of our own: a record is one line, so a broken quote spoils only its own line and every
 * line number reported is the line in the file.
 */
public final class CsvLine {

    private CsvLine() {
    }

    /** @throws IllegalArgumentException saying what is wrong with the quoting */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            field.setLength(0);
            if (i < line.length() && line.charAt(i) == '"') {
                i = quoted(line, i + 1, field);
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after a closing quote at column " + (i + 1));
                }
                fields.add(field.toString());
            } else {
                int end = line.indexOf(',', i);
                String value = line.substring(i, end < 0 ? line.length() : end);
                int quote = value.indexOf('"');
                if (quote >= 0) {
                    throw new IllegalArgumentException("a quote inside an unquoted field at column " + (i + quote + 1));
                }
                fields.add(value.strip());
                i = end < 0 ? line.length() : end;
            }
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** Reads a quoted field's content from {@code i} (after the opening quote); returns the index after the closing one. */
    private static int quoted(String line, int i, StringBuilder field) {
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            field.append(ch);
            i++;
        }
        throw new IllegalArgumentException("a quote opened and not closed on this line");
    }
}

package uz.ekommunal.billing.payregistry;

import java.util.List;

/**
 * A row (or the file) refused, and why.
 *
 * @param line the line in the file (1 is the header)
 * @param field the column at fault, or null for the whole line
 * @param args the values the catalogue text names ({@link RegistryTexts}), in its order
 */
public record RowProblem(long line, String field, RowFault fault, List<String> args) {

    public RowProblem {
        args = List.copyOf(args);
    }

    static RowProblem of(long line, String field, RowFault fault, Object... args) {
        return new RowProblem(line, field, fault, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}

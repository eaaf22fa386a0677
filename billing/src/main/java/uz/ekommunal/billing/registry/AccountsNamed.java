package uz.ekommunal.billing.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts a file names, by provider and number, as its rows are read: an account named twice is
 * known when the file ends, without a pass over the staged rows (a million keys take about 100 MB).
 */
final class AccountsNamed {

    private final Map<String, Long> firstLine = new HashMap<>();
    private final Map<String, List<Long>> repeated = new HashMap<>();

    void add(StagedRow row) {
        String key = row.providerId() + ":" + row.number();
        Long first = firstLine.putIfAbsent(key, row.line());
        if (first != null) {
            repeated.computeIfAbsent(key, k -> new ArrayList<>(List.of(first))).add(row.line());
        }
    }

    /** Every line of every account named more than once, each with the account's lines. */
    List<ImportProblem> problems() {
        List<ImportProblem> problems = new ArrayList<>();
        repeated.forEach((key, lines) -> {
            String number = key.substring(key.indexOf(':') + 1);
            String all = String.join(", ", lines.stream().map(String::valueOf).toList());
            for (long line : lines) {
                problems.add(new ImportProblem(line, "account_number", RegistryFault.DUPLICATE_ACCOUNT,
                        "account " + number + " is on lines " + all + " of the file"));
            }
        });
        return problems;
    }
}

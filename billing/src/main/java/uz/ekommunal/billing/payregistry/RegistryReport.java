package uz.ekommunal.billing.payregistry;

import java.math.BigDecimal;
import java.util.List;
import uz.ekommunal.tariff.Money;

/**
 * What a registry import did (or, in a dry run, would have done: the same work, rolled back).
 * Every data row is counted once: {@code rows = credited + setAside + repeated + refused}.
 *
 * @param registryId the stored registry, or null when nothing was kept (a dry run, a refused file)
 * @param refusal the fault that refused the whole file (nothing written), or null
 * @param controlRows the file's control total: rows, or -1 when it has none
 * @param controlSum the file's control total: so'm, or null when it has none
 * @param sum so'm: the exact sum of every amount on the data rows that is a number (what the bank summed)
 * @param repeated rows taken from an earlier file (the same bank and transaction id): nothing credited again
 * @param problems refused rows (and the file's fault), by line
 */
public record RegistryReport(boolean dryRun, Long registryId, RowFault refusal, long controlRows, BigDecimal controlSum,
        long rows, BigDecimal sum, long credited, long creditedTiyin, long setAside, long setAsideTiyin, long repeated,
        long repeatedTiyin, List<RowProblem> problems) {

    public RegistryReport {
        problems = List.copyOf(problems);
    }

    public boolean refused() {
        return refusal != null;
    }

    /** Rows refused one by one (the file itself taken). */
    public long refusedRows() {
        return problems.stream().filter(p -> !p.fault().wholeFile()).mapToLong(RowProblem::line).distinct().count();
    }

    /** One line for a console or a log (English; {@link RegistryTexts} for the people's languages). */
    public String summary() {
        if (refused()) {
            return String.format("file refused (%s), nothing credited: %d rows summing %s; control total %d rows, %s",
                    refusal, rows, sum.toPlainString(), controlRows,
                    controlSum == null ? "none" : controlSum.toPlainString());
        }
        return String.format("%s%d rows summing %s (control total matches): %d credited (%s), %d set aside (%s), "
                        + "%d already taken from an earlier file (%s), %d refused",
                dryRun ? "dry run (nothing written): " : "", rows, sum.toPlainString(), credited,
                Money.ofTiyin(creditedTiyin), setAside, Money.ofTiyin(setAsideTiyin),
                repeated, Money.ofTiyin(repeatedTiyin), refusedRows());
    }
}

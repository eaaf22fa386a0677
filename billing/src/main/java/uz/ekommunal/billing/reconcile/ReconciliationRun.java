package uz.ekommunal.billing.reconcile;

import java.time.LocalDate;
import java.util.List;

/** What one run found for a day: every difference open after it (new and still found). */
public record ReconciliationRun(long id, LocalDate day, List<Difference> differences, int closedAsGone) {

    public ReconciliationRun {
        differences = List.copyOf(differences);
    }
}

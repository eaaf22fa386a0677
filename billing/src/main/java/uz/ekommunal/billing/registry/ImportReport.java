package uz.ekommunal.billing.registry;

import java.util.List;

/**
 * What an import did (or, in a dry run, would have done: the same work, rolled back).
 *
 * @param rows data rows read (header, blank and comment lines not counted)
 * @param accountsOpened new accounts
 * @param holderChanges dated holder or address changes of accounts that existed
 * @param factsRecorded household facts rows written (new accounts' first facts and dated changes)
 * @param servicesAdded services added to accounts
 * @param metersLinked meter registers linked to accounts
 */
public record ImportReport(boolean dryRun, long rows, List<ImportProblem> problems, long accountsOpened,
        long holderChanges, long factsRecorded, long servicesAdded, long metersLinked) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    /** Rows taken (read less refused). */
    public long accepted() {
        return rows - problems.stream().mapToLong(ImportProblem::line).distinct().count();
    }

    /** Nothing at all would change: every good row was already in the registry. */
    public boolean changedNothing() {
        return accountsOpened + holderChanges + factsRecorded + servicesAdded + metersLinked == 0;
    }

    /** One line for a console or a log. */
    public String summary() {
        return String.format("%s%d rows: %d accepted, %d refused; %d accounts opened, %d holder/address changes, "
                        + "%d facts recorded, %d services added, %d meter registers linked",
                dryRun ? "dry run (nothing written): " : "", rows, accepted(), rows - accepted(), accountsOpened,
                holderChanges, factsRecorded, servicesAdded, metersLinked);
    }
}

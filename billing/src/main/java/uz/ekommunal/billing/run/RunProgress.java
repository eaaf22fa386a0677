package uz.ekommunal.billing.run;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How far a bill run is: shards and accounts done of total.
 *
 * @param finishedAt when the last shard was done, or null
 */
public record RunProgress(long runId, long providerId, LocalDate periodStart, int shardsDone, int shardsTotal,
        long accountsDone, long accountsTotal, long invoices, long failures, Instant finishedAt) {

    public boolean finished() {
        return finishedAt != null;
    }

    @Override
    public String toString() {
        return "run %d (%s): %d/%d shards, %d/%d accounts, %d invoices, %d failures%s".formatted(runId, periodStart,
                shardsDone, shardsTotal, accountsDone, accountsTotal, invoices, failures, finished() ? ", finished" : "");
    }
}

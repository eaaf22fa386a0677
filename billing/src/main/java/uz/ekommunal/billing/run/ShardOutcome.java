package uz.ekommunal.billing.run;

/**
 * What billing a shard did.
 *
 * @param alreadyDone another node had finished it: nothing was written
 * @param boundaryNanos time spent in the boundary-readings query (for the benchmark's ratio)
 */
public record ShardOutcome(ClaimedShard shard, boolean alreadyDone, int invoices, int failures, long boundaryNanos,
        long totalNanos) {
}

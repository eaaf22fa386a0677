package uz.ekommunal.billing.run;

/**
 * What billing a shard did.
 *
 * @param alreadyDone another node had finished it: nothing was written
 * @param loadNanos time reading accounts, facts, meters, balances and earlier usage
 * @param boundaryNanos time in the boundary-readings query (for the benchmark's ratio)
 * @param priceNanos time pricing (pure Java)
 * @param writeNanos time writing invoices, lines, usage and ledger (COPY) and committing
 * @param boundariesKept boundary values an earlier run stored (no readings read for them)
 * @param boundariesRead boundary values read from the meters' readings
 */
public record ShardOutcome(ClaimedShard shard, boolean alreadyDone, int invoices, int failures, long loadNanos,
        long boundaryNanos, long priceNanos, long writeNanos, long totalNanos, int boundariesKept,
        int boundariesRead) {
}

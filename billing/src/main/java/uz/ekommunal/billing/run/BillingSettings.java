package uz.ekommunal.billing.run;

import java.time.Duration;
import java.util.Objects;

/**
 * How bill runs are cut and scheduled; validated once, then fixed.
 *
 * @param shardSize accounts per shard
 * @param lease how long a shard whose billing failed waits before any node tries it again (a node
 *     that dies mid-shard does not hold it: the claim is part of the shard's transaction)
 * @param closeDelay how long after a month ends (Tashkent time) its run opens, so the readings
 *     of its last hours have arrived
 * @param workers shard worker threads per node
 * @param pollInterval how often an idle worker looks for open shards
 * @param cron Quartz cron expression (Asia/Tashkent) of the job that opens due runs
 */
public record BillingSettings(int shardSize, Duration lease, Duration closeDelay, int workers, Duration pollInterval,
        String cron) {

    /** Fixed here; the configured parts (shard size, workers, cron) have their defaults in the launcher's keys. */
    public static final Duration LEASE = Duration.ofMinutes(5);
    public static final Duration CLOSE_DELAY = Duration.ofHours(6);
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    /** The configured parts, with this module's lease, close delay and poll interval. */
    public static BillingSettings of(int shardSize, int workers, String cron) {
        return new BillingSettings(shardSize, LEASE, CLOSE_DELAY, workers, POLL_INTERVAL, cron);
    }

    public BillingSettings {
        if (shardSize < 1) {
            throw new IllegalArgumentException("billing shard size must be at least 1: " + shardSize);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("billing workers must be at least 1: " + workers);
        }
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(closeDelay, "closeDelay");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(cron, "cron");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("billing lease must be positive: " + lease);
        }
    }
}

package uz.ekommunal.billing.run;

import java.time.Duration;
import java.util.Objects;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.InstanceNames;
import uz.ekommunal.platform.config.Parsers;
import uz.ekommunal.platform.config.Setting;

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

    public static final Setting<String> BILLING_NODE_ID = new Setting<>("EKOMMUNAL_BILLING_NODE_ID", "",
            "This billing node's name in the Quartz cluster; unique per node. Empty: host name + random.",
            Parsers.optional());
    public static final Setting<String> BILLING_CRON = new Setting<>("EKOMMUNAL_BILLING_CRON", "0 0 * * * ?",
            "Quartz cron (Asia/Tashkent) of the job that opens due monthly bill runs.", Parsers.text());
    public static final Setting<Integer> BILLING_WORKERS = new Setting<>("EKOMMUNAL_BILLING_WORKERS", "2",
            "Shard worker threads per billing node (the pool needs workers + 3 connections).",
            Parsers.integer(1, 64));
    public static final Setting<Integer> BILLING_SHARD_SIZE = new Setting<>("EKOMMUNAL_BILLING_SHARD_SIZE", "5000",
            "Accounts per bill-run shard.", Parsers.integer(1, 1_000_000));

    /** Fixed here; the configured parts (shard size, workers, cron) have their defaults in the keys above. */
    public static final Duration LEASE = Duration.ofMinutes(5);
    public static final Duration CLOSE_DELAY = Duration.ofHours(6);
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    /** The configured parts, with this module's lease, close delay and poll interval. */
    public static BillingSettings of(int shardSize, int workers, String cron) {
        return new BillingSettings(shardSize, LEASE, CLOSE_DELAY, workers, POLL_INTERVAL, cron);
    }

    /** The configured shard size, workers and cron, with this module's lease, close delay and poll interval. */
    public static BillingSettings from(Config config) {
        return of(config.get(BILLING_SHARD_SIZE), config.get(BILLING_WORKERS), config.get(BILLING_CRON));
    }

    /** This node's name in the Quartz cluster: {@link #BILLING_NODE_ID}, else the host name and a random suffix. */
    public static String nodeId(Config config) {
        String configured = config.get(BILLING_NODE_ID);
        return configured != null ? configured : InstanceNames.random("billing");
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

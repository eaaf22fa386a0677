package uz.ekommunal.billing.schedule;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.reconcile.PaymentReconciliation;
import uz.ekommunal.billing.run.BillingEngine;
import uz.ekommunal.billing.run.BillingSettings;
import uz.ekommunal.billing.run.ShardOutcome;

/**
 * One billing node: a Quartz scheduler in the cluster (JDBC job store in {@code billing.qrtz_*},
 * clustered, so the job that opens due runs fires on one node only) and shard workers that
 * claim and bill shards of any open run. Start as many nodes as wanted on one database.
 */
public final class BillingNode implements AutoCloseable {

    public static final String SCHEDULER_NAME = "ekommunal-billing";
    static final JobKey OPEN_DUE_RUNS = JobKey.jobKey("open-due-runs", "billing");
    static final JobKey RECONCILE = JobKey.jobKey("reconcile-payments", "billing");

    private static final Logger LOG = LoggerFactory.getLogger(BillingNode.class);

    private final String node;
    private final BillingEngine engine;
    private final BillingSettings settings;
    private final Scheduler scheduler;
    private final ScheduledExecutorService workers;
    private final AtomicLong shardsBilled = new AtomicLong();

    private BillingNode(String node, BillingEngine engine, BillingSettings settings, Scheduler scheduler) {
        this.node = node;
        this.engine = engine;
        this.settings = settings;
        this.scheduler = scheduler;
        this.workers = Executors.newScheduledThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "billing-" + node);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the node: joins the Quartz cluster, schedules the due-runs job if no node has, and
     * starts the shard workers.
     *
     * @param node unique per node (Quartz instance id, shard leases)
     * @param dataSource the node's pool; Quartz's job store uses it too
     */
    public static BillingNode start(String node, DataSource dataSource, BillingEngine engine, BillingSettings settings)
            throws SchedulerException {
        return start(node, dataSource, engine, settings, null);
    }

    /** @param reconciliation the daily payment reconciliation to schedule, or null for none */
    public static BillingNode start(String node, DataSource dataSource, BillingEngine engine, BillingSettings settings,
            PaymentReconciliation reconciliation) throws SchedulerException {
        String dsName = "billing-" + node;
        DBConnectionManager.getInstance().addConnectionProvider(dsName, new DataSourceConnectionProvider(dataSource));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", node);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.tablePrefix", "billing.qrtz_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "2000");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        p.setProperty("org.quartz.jobStore.dataSource", dsName);
        Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
        // several nodes may live in one JVM (tests): each needs its own scheduler, not the registry's
        SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
        BillingNode billingNode = new BillingNode(node, engine, settings, scheduler);
        scheduler.setJobFactory((bundle, s) -> bundle.getJobDetail().getJobClass() == ReconcileJob.class
                ? new ReconcileJob(reconciliation) : new OpenDueRunsJob(engine, node));
        billingNode.scheduleDueRuns();
        if (reconciliation != null) {
            billingNode.schedule(RECONCILE, ReconcileJob.class, PaymentReconciliation.DAILY_CRON);
        }
        scheduler.start();
        billingNode.startWorkers();
        LOG.info("Billing node {} started: {} shard workers, due runs on '{}' (Asia/Tashkent)", node,
                settings.workers(), settings.cron());
        return billingNode;
    }

    private void scheduleDueRuns() throws SchedulerException {
        schedule(OPEN_DUE_RUNS, OpenDueRunsJob.class, settings.cron());
    }

    private void schedule(JobKey key, Class<? extends org.quartz.Job> type, String cron) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(type).withIdentity(key).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup()).forJob(key)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                        .inTimeZone(TimeZone.getTimeZone(BillingTime.ZONE))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
        } catch (ObjectAlreadyExistsException e) {
            // another node scheduled it first: one job for the cluster
        }
    }

    private void startWorkers() {
        for (int i = 0; i < settings.workers(); i++) {
            workers.scheduleWithFixedDelay(this::billWhileShardsAreOpen, 0, settings.pollInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void billWhileShardsAreOpen() {
        try {
            for (Optional<ShardOutcome> o = engine.billNextShard(node); o.isPresent(); o = engine.billNextShard(node)) {
                if (!o.get().alreadyDone()) {
                    shardsBilled.incrementAndGet();
                }
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (SQLException | RuntimeException e) {
            // the shard's transaction rolled back; its lease lets this or another node retry it
            LOG.warn("Billing node {}: shard failed: {}", node, e.toString());
        }
    }

    /** Fires the reconciliation job now (yesterday), on whichever node of the cluster takes it. */
    public void reconcileNow() throws SchedulerException {
        scheduler.triggerJob(RECONCILE);
    }

    /** Fires the due-runs job now, on whichever node of the cluster takes it. */
    public void openDueRunsNow() throws SchedulerException {
        scheduler.triggerJob(OPEN_DUE_RUNS);
    }

    public String node() {
        return node;
    }

    /** Shards this node billed (finished, not found done by another). */
    public long shardsBilled() {
        return shardsBilled.get();
    }

    /** Stops at once, as a crash would: claimed shards stay claimed until their lease passes. */
    public void kill() {
        workers.shutdownNow();
        try {
            scheduler.shutdown(false);
        } catch (SchedulerException e) {
            LOG.warn("Billing node {}: {}", node, e.toString());
        }
    }

    /** Stops after the shards in hand are billed. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(1, TimeUnit.MINUTES);
            scheduler.shutdown(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SchedulerException e) {
            LOG.warn("Billing node {}: {}", node, e.toString());
        }
    }
}

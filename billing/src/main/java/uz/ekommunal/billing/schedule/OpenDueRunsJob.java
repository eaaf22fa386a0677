package uz.ekommunal.billing.schedule;

import java.util.List;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.billing.run.BillingEngine;

/**
 * Quartz job, fired on one node of the cluster: opens the runs due by the clock (a run that is
 * open already is found, not opened again). The nodes' shard workers then bill them.
 */
@DisallowConcurrentExecution
public final class OpenDueRunsJob implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(OpenDueRunsJob.class);

    private final BillingEngine engine;
    private final String node;

    OpenDueRunsJob(BillingEngine engine, String node) {
        this.engine = engine;
        this.node = node;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            List<Long> runs = engine.openDueRuns();
            LOG.debug("{}: due runs {}", node, runs);
        } catch (Exception e) {
            throw new JobExecutionException("opening due bill runs failed", e, false);
        }
    }
}

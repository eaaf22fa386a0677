package uz.ekommunal.billing.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.billing.reconcile.PaymentReconciliation;
import uz.ekommunal.billing.reconcile.ReconciliationRun;

/** Quartz job, fired daily on one node of the cluster: reconciles yesterday's payments of every payment system. */
@DisallowConcurrentExecution
public final class ReconcileJob implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileJob.class);

    private final PaymentReconciliation reconciliation;

    ReconcileJob(PaymentReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        if (reconciliation == null) {
            throw new JobExecutionException("this billing node was started without the payment reconciliation", false);
        }
        try {
            ReconciliationRun run = reconciliation.run(reconciliation.yesterday(), null);
            LOG.info("Reconciliation of {}: {} open differences, {} no longer found", run.day(),
                    run.differences().size(), run.closedAsGone());
        } catch (Exception e) {
            throw new JobExecutionException("payment reconciliation failed", e, false);
        }
    }
}
